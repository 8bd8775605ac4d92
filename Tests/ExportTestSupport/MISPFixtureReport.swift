public import Export

/// A hand-built report that exercises every MISP mapping: states, an agency with a real MISP org UUID, a
/// person, threat actors (one narrower than the incidents naming it), an intrusion set, a campaign,
/// partnerships (one reached by no incident), incidents at CLEAR, GREEN and FVEY-only, links with
/// their own, narrower markings, and an alias and a link written twice.
public enum MISPFixtureReport {
    /// The real MISP organisation UUID the fixture gives the NSA.
    public static let nsaMISPUUID = "5f1e2d3c-4b5a-4697-8877-665544332211"

    /// The report.
    public static func make() throws -> ThreatReport {
        let fiveEyesOnly = Marking(tlp: .amber, releasableTo: [.party("five-eyes")])
        var report = ThreatReport(
            title: "Partnerships and \"incidents\" in Asia", description: "Fixture for the MISP writer.",
            published: try PartialDate(parsing: "2023-11-15"),
            producer: Producer(id: "cert.example.gov", name: "Example CERT"), defaultMarking: fiveEyesOnly)
        let states: [(String, String, String)] = [
            ("usa", "United States", "US"), ("uk", "United Kingdom", "GB"), ("canada", "Canada", "CA"),
            ("australia", "Australia", "AU"), ("new-zealand", "New Zealand", "NZ"), ("japan", "Japan", "JP"),
            ("india", "India", "IN"), ("china", "China", "CN"),
        ]
        for (id, name, country) in states {
            report.actors.append(
                Actor(id: id, name: name, kind: .state, country: CountryCode(country), marking: Marking(tlp: .clear)))
        }
        report.actors.append(
            Actor(
                id: "nsa", name: "National Security Agency", kind: .agency, aliases: ["NSA"],
                country: CountryCode("US"), roles: ["signals intelligence"], sponsoredBy: [Link("usa")],
                mispOrganisationUUID: nsaMISPUUID))
        report.actors.append(
            Actor(
                id: "analyst", name: "Jane Analyst", kind: .individual, country: CountryCode("AU"),
                roles: ["researcher"], description: "Disclosed the operation.", marking: Marking(tlp: .green)))
        report.actors.append(
            Actor(
                id: "china-mss", name: "Ministry of State Security", kind: .threatActor, aliases: ["MSS", "APT \"X\""],
                country: CountryCode("CN"), description: "China's civilian intelligence agency.",
                threat: ThreatProfile(types: [.nationState, .spy], sophistication: .strategic, goals: ["espionage"]),
                sponsoredBy: [Link("china")], confidence: 80, marking: Marking(tlp: .green)))
        report.actors.append(
            Actor(
                id: "red-dragon", name: "Red Dragon", kind: .threatActor, country: CountryCode("CN"),
                marking: Marking(tlp: .red, releasableTo: [.party("nsa")])))
        report.intrusionSets.append(
            Activity(
                id: "china-cyber-ops", name: "Chinese cyber operations", aliases: ["CCO", "CCO"],
                description: "Long-running espionage.", firstSeen: try PartialDate(parsing: "2019"),
                objective: "Collect defence secrets", attributedTo: [Link("china-mss")], targets: [Link("japan")],
                marking: Marking(tlp: .amberStrict, releasableTo: [.party("five-eyes")])))
        report.campaigns.append(
            Activity(
                id: "op-snowfall", name: "Operation Snowfall", description: "Phishing against ministries.",
                attributedTo: [Link("china-cyber-ops")], targets: [Link("india")], marking: Marking(tlp: .green)))
        report.partnerships.append(
            Partnership(
                id: "five-eyes", name: "Five Eyes", kind: .alliance, aliases: ["FVEY"],
                members: ["usa", "uk", "canada", "australia", "new-zealand"].map { Membership($0) },
                scope: [.intelligenceSharing], marking: Marking(tlp: .clear)))
        report.partnerships.append(
            Partnership(
                id: "quad", name: "Quadrilateral Security Dialogue", kind: .multilateralDialogue, aliases: ["Quad"],
                members: [
                    Membership("usa"), Membership("india"), Membership("japan"),
                    Membership("australia", role: .foundingMember, since: try PartialDate(parsing: "2007")),
                ],
                established: try PartialDate(parsing: "2007"), marking: Marking(tlp: .green)))
        report.incidents.append(
            Incident(
                id: "himalaya-incursion", title: "Incursion repelled", kind: .militaryIncursion,
                description: "Troops crossed the line of actual control.", when: try DateSpan(parsing: "2022-10/2022-12"),
                location: Location(name: "Yangtse", country: CountryCode("IN"), latitude: 27.9, longitude: 91.9),
                attributedTo: [Link("china-mss")], targets: [Link("india")], responders: [Link("india")],
                supporters: [Link("usa", marking: Marking(tlp: .amber, releasableTo: [.country(try country("IND")), .country(try country("USA"))]))],
                outcome: "Repelled", impacts: ["Injuries on both sides"], status: .closed, determination: .confirmed,
                confidence: 90, marking: Marking(tlp: .green)))
        report.incidents.append(
            Incident(
                id: "ministry-breach", title: "Defence ministry breach", kind: .espionage,
                when: try DateSpan(parsing: "2023-04"), attributedTo: [Link("china-mss"), Link("red-dragon")],
                targets: [Link("japan"), Link("japan")], responders: [Link("nsa")], supporters: [Link("five-eyes")]))
        report.incidents.append(
            Incident(
                id: "leak", title: "Operation disclosed", kind: .unauthorisedDisclosure,
                when: try DateSpan(parsing: "2023"), attributedTo: [Link("china-mss"), Link("china-mss")],
                targets: [Link("analyst")],
                status: .new, marking: Marking(tlp: .clear)))
        return report
    }

    private static func country(_ code: String) throws -> CountryCode {
        guard let country = CountryCode(code) else { throw ExportError(.internal, "no country \(code)") }
        return country
    }
}
