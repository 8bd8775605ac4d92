public import Export

/// Reports built directly in Swift, touching every field of the model, for round-trip and oracle tests.
public enum HandBuiltReports {
    /// A report that sets every optional field at least once, with markings on objects and links.
    public static func everything() throws -> ThreatReport {
        let amberFiveEyes = Marking(tlp: .amberStrict, releasableTo: [.party("five-eyes"), .country(try country("IN"))])
        var report = ThreatReport(
            title: "Intelligence partnerships in Asia & <elsewhere>", description: "  Leading and trailing space \n kept.\n",
            published: try PartialDate(parsing: "2023-11-15"),
            producer: Producer(id: "cert.example.gov", name: "Example CERT"),
            sources: [
                Source(
                    id: "article", name: "The article", url: "https://example.org/a?b=1&c=2",
                    sha256: String(repeating: "ab", count: 32), description: "Quoted \"text\" — ünïcödé ✓"),
                Source(id: "expert", name: "A named expert"),
            ],
            defaultMarking: Marking(tlp: .green))
        report.marking = Marking(tlp: .amber, releasableTo: [.country(try country("KR"))])
        var mss = Actor(
            id: "china-mss", name: "Ministry of State Security", kind: .threatActor, aliases: ["MSS", "国家安全部"],
            country: try country("CN"), sectors: [.government, "custom-sector"], roles: ["espionage apparatus"],
            description: "Line one\nline two", sponsoredBy: [Link("china", marking: Marking(tlp: .red), description: "directs")],
            confidence: 85, sources: ["article", "expert"], marking: amberFiveEyes)
        mss.threat = ThreatProfile(
            types: [.nationState, .spy, "cyber-mercenary"], sophistication: .strategic, resourceLevel: .government,
            primaryMotivation: .organizationalGain, secondaryMotivations: [.ideology], goals: ["influence", "access"],
            firstSeen: try PartialDate(parsing: "1983"), lastSeen: try PartialDate(parsing: "2023-10"))
        mss.evidence = ["“China’s spy network” & <more>", "a second quote"]
        mss.sponsoredBy[0].evidence = ["the ministry answers to the state"]
        report.actors = [
            Actor(id: "china", name: "China", kind: .state, country: try country("CHN")),
            Actor(id: "japan", name: "Japan", kind: .state, country: try country("JP")),
            Actor(id: "india", name: "India", kind: .state, country: try country("IND"), confidence: 0),
            Actor(id: "usa", name: "United States", kind: .state, country: try country("US")),
            Actor(id: "uk", name: "United Kingdom", kind: .state, country: try country("GB")),
            Actor(id: "analyst", name: "A. Analyst", kind: .individual, roles: ["liaison"]),
            Actor(id: "think-tank", name: "Think tank", kind: .organization, mispOrganisationUUID: "5f6e7d8c-1a2b-4c3d-9e8f-0a1b2c3d4e5f"),
            Actor(id: "defence-ministry", name: "Ministry of Defence", kind: .agency, sponsoredBy: [Link("japan")]),
            mss,
        ]
        report.intrusionSets = [
            Activity(
                id: "apt-x", name: "APT X", aliases: ["X"], description: "d", firstSeen: try PartialDate(parsing: "2019"),
                lastSeen: try PartialDate(parsing: "2023-02-28"), objective: "secrets",
                attributedTo: [Link("china-mss")], targets: [Link("japan", marking: amberFiveEyes)], confidence: 60,
                sources: ["article"], marking: Marking(tlp: .amber))
        ]
        report.intrusionSets[0].evidence = ["APT X targets Japan"]
        report.campaigns = [Activity(id: "op-y", name: "Operation Y", attributedTo: [Link("apt-x")], targets: [Link("india")])]
        report.campaigns[0].targets[0].evidence = ["Operation Y went after India"]
        report.partnerships = [
            Partnership(
                id: "five-eyes", name: "Five Eyes", kind: .alliance, aliases: ["FVEY"],
                members: [
                    Membership("usa", role: .foundingMember, since: try PartialDate(parsing: "1946")),
                    Membership("uk", role: .foundingMember),
                ],
                scope: [.intelligenceSharing], established: try PartialDate(parsing: "1946-03"), description: "SIGINT",
                confidence: 100, sources: ["expert"]),
            Partnership(
                id: "quad", name: "Quadrilateral Security Dialogue", kind: .multilateralDialogue,
                members: [
                    Membership("usa"), Membership("india", role: "observer-ish", since: try PartialDate(parsing: "2007"),
                        until: try PartialDate(parsing: "2008"), marking: Marking(tlp: .red, releasableTo: [.country(try country("IND"))])),
                    Membership("japan"), Membership("five-eyes", role: .observer),
                ], scope: [.intelligenceSharing, "maritime"], marking: Marking(tlp: .clear)),
        ]
        report.partnerships[0].evidence = ["The Five Eyes comprises the US, UK, Canada, Australia, and New Zealand"]
        report.partnerships[1].members[1].evidence = ["  India, briefly  "]
        report.incidents = [
            Incident(
                id: "himalaya-incursion", title: "Incursion repelled", kind: .militaryIncursion, description: "x",
                when: try DateSpan(parsing: "2022-10/2022-12"),
                location: Location(name: "Yangtse, Arunachal Pradesh", country: try country("IN"), region: .southernAsia,
                    latitude: 27.716, longitude: -91.9e-5),
                attributedTo: [Link("china")], targets: [Link("india")], responders: [Link("india")],
                supporters: [Link("usa", marking: Marking(tlp: .amber, releasableTo: [.party("quad")]), description: "intel")],
                outcome: "repelled", impacts: ["border"], status: .closed, determination: .confirmed, confidence: 90,
                sources: ["article"], marking: Marking(tlp: .amber)),
            Incident(id: "minimal", title: "Minimal", kind: "something-new"),
        ]
        report.incidents[0].evidence = ["late last year"]
        report.incidents[0].supporters[0].evidence = ["reportedly played a pivotal role", "intelligence-sharing"]
        return report
    }

    /// The smallest valid report.
    public static func minimal() throws -> ThreatReport {
        ThreatReport(title: "Minimal", published: try PartialDate(parsing: "2024"), producer: Producer(id: "p", name: "P"))
    }

    private struct UnknownCountry: Error { let code: String }

    private static func country(_ code: String) throws -> CountryCode {
        guard let country = CountryCode(code) else { throw UnknownCountry(code: code) }
        return country
    }
}
