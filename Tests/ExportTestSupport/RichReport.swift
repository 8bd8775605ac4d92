public import Export

/// A hand-built report that uses every field of the model, for format tests until (and beside) the scenario.
public enum RichReport {
    /// The report: states, an agency, an organisation, a person, threat actors with full profiles, an
    /// intrusion set, a campaign, partnerships with dated members and roles, incidents with every field,
    /// sources, TLP levels and releasable-to lists on objects and links.
    public static func make() throws -> ThreatReport {
        let fiveEyesOnly = Marking(tlp: .amber, releasableTo: [.party("five-eyes")])
        let indiaOnly = Marking(tlp: .red, releasableTo: [.country(try country("IND"))])
        var report = ThreatReport(
            title: "Intelligence partnerships in Asia", description: "US partnerships and Chinese operations.",
            published: try PartialDate(parsing: "2023-11-15"),
            producer: Producer(id: "cert.example.gov", name: "Example CERT"),
            sources: [
                Source(
                    id: "wapo", name: "Washington Post", url: "https://example.com/article",
                    sha256: String(repeating: "ab", count: 32), description: "The article"),
                Source(id: "expert", name: "A named expert"),
            ],
            defaultMarking: Marking(tlp: .green))
        report.actors = [
            Actor(id: "usa", name: "United States", kind: .state, country: try country("US"), sectors: [.government]),
            Actor(id: "japan", name: "Japan", kind: .state, country: try country("JPN")),
            Actor(id: "india", name: "India", kind: .state, country: try country("IN"), marking: Marking(tlp: .clear)),
            Actor(id: "australia", name: "Australia", kind: .state, country: try country("AU")),
            Actor(id: "uk", name: "United Kingdom", kind: .state, country: try country("GB")),
            Actor(
                id: "china", name: "People's Republic of China", kind: .state, aliases: ["PRC"],
                country: try country("CN")),
            Actor(
                id: "nsa", name: "National Security Agency", kind: .agency, country: try country("US"),
                sectors: [.governmentNational, .defense], roles: ["signals intelligence"],
                description: "US SIGINT agency", sponsoredBy: [Link("usa")], confidence: 90, sources: ["wapo"]),
            Actor(id: "think-tank", name: "A Think Tank", kind: .organization, sectors: [.nonProfit]),
            Actor(
                id: "expert-person", name: "Jane Analyst", kind: .individual, roles: ["analyst"],
                marking: indiaOnly),
            Actor(
                id: "china-mss", name: "Ministry of State Security", kind: .threatActor, aliases: ["MSS"],
                country: try country("CN"), sectors: [.governmentNational], roles: ["espionage apparatus"],
                description: "Civilian intelligence.",
                threat: ThreatProfile(
                    types: [.nationState, .spy], sophistication: .strategic, resourceLevel: .government,
                    primaryMotivation: .organizationalGain, secondaryMotivations: [.dominance],
                    goals: ["regional dominance"], firstSeen: try PartialDate(parsing: "1983"),
                    lastSeen: try PartialDate(parsing: "2023-10")),
                sponsoredBy: [Link("china", description: "a ministry of the PRC")], confidence: 80,
                sources: ["wapo", "expert"], marking: fiveEyesOnly),
            Actor(id: "pla", name: "People's Liberation Army", kind: .threatActor, sponsoredBy: [Link("china")]),
        ]
        report.intrusionSets = [
            Activity(
                id: "china-cyber-ops", name: "Chinese espionage and cyber operations", aliases: ["Ops"],
                description: "Recurring intrusions.", firstSeen: try PartialDate(parsing: "2019"),
                lastSeen: try PartialDate(parsing: "2023-11-01"), objective: "collect intelligence",
                attributedTo: [Link("china-mss")], targets: [Link("japan", marking: Marking(tlp: .amberStrict))],
                confidence: 60, sources: ["wapo"])
        ]
        report.campaigns = [
            Activity(
                id: "defence-network-breach", name: "Japanese defence network breach",
                firstSeen: try PartialDate(parsing: "2020-09"), objective: "access classified networks",
                attributedTo: [Link("china-cyber-ops")], targets: [Link("japan")])
        ]
        report.partnerships = [
            Partnership(
                id: "five-eyes", name: "Five Eyes", kind: .alliance, aliases: ["FVEY"],
                members: [
                    Membership("usa", role: .foundingMember, since: try PartialDate(parsing: "1946")),
                    Membership("uk", role: .foundingMember, since: try PartialDate(parsing: "1946-03-05")),
                    Membership("australia", since: try PartialDate(parsing: "1956")),
                ],
                scope: [.intelligenceSharing], established: try PartialDate(parsing: "1946"),
                description: "Signals intelligence alliance.", confidence: 100, sources: ["wapo"]),
            Partnership(
                id: "quad", name: "Quadrilateral Security Dialogue", kind: .multilateralDialogue,
                members: [
                    Membership("usa"), Membership("india", marking: indiaOnly), Membership("japan"),
                    Membership("australia", role: .member, since: try PartialDate(parsing: "2007"),
                               until: try PartialDate(parsing: "2008-02")),
                    Membership("australia", since: try PartialDate(parsing: "2017-11")),
                ],
                scope: [.maritimeDomainAwareness, "space-cooperation"], marking: Marking(tlp: .clear)),
        ]
        report.incidents = [
            Incident(
                id: "himalaya-incursion", title: "Chinese incursion repelled", kind: .militaryIncursion,
                description: "Border clash.", when: try DateSpan(parsing: "2022-10/2022-12"),
                location: Location(name: "Yangtse", country: try country("IN"), region: .southernAsia,
                                   latitude: 27.6, longitude: 91.9),
                attributedTo: [Link("pla")], targets: [Link("india")], responders: [Link("india")],
                supporters: [Link("usa", marking: indiaOnly, description: "satellite imagery")],
                outcome: "repelled", impacts: ["injuries"], status: .closed, determination: .confirmed,
                confidence: 70, sources: ["expert"], marking: Marking(tlp: .amber)),
            Incident(
                id: "network-breach", title: "Defence network breach", kind: .cyberOperation,
                when: try DateSpan(parsing: "2020"), location: Location(name: "Tokyo"),
                attributedTo: [Link("china-mss")], targets: [Link("japan")], responders: [Link("nsa")],
                status: .containmentAchieved, determination: .suspected),
        ]
        return report
    }

    private static func country(_ code: String) throws -> CountryCode {
        guard let country = CountryCode(code) else { throw ExportError(.internal, "unknown country \(code)") }
        return country
    }
}
