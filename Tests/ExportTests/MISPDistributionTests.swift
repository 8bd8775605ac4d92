import Export
import ExportTestSupport
import Foundation
import Testing

/// How markings become MISP distribution levels, sharing groups and event cuts.
struct MISPDistributionTests {
    static let producer = "cert.example.gov"

    static func uuid(_ type: String, _ id: String) -> String {
        StableID.uuid(producer: producer, type: type, localID: id)
    }

    static func event(_ incident: String) throws -> [String: Any] {
        try #require(try MISPWriterTests.events(mode: .perIncident).first { $0["uuid"] as? String == uuid("incident", incident) })
    }

    @Test func singleEventIsWrappedAndSeveralAreAResponseList() throws {
        let single = try JSONSerialization.jsonObject(with: Data(MISPWriterTests.render(mode: .perReport))) as? [String: Any]
        #expect(single?.keys.sorted() == ["Event"])
        let several = try JSONSerialization.jsonObject(with: Data(MISPWriterTests.render(mode: .perIncident))) as? [String: Any]
        #expect((several?["response"] as? [Any])?.count == 4)
    }

    @Test func eventDistributionFollowsTheIncidentMarking() throws {
        #expect(try Self.event("leak")["distribution"] as? String == "3")
        #expect(try Self.event("himalaya-incursion")["distribution"] as? String == "1")
        let fvey = try Self.event("ministry-breach")
        #expect(fvey["distribution"] as? String == "4")
        let group = try #require(fvey["SharingGroup"] as? [String: Any])
        #expect(group["name"] as? String == "Five Eyes")
        #expect(fvey["sharing_group_id"] as? String == group["id"] as? String)
        let orgs = (group["SharingGroupOrg"] as? [[String: Any]] ?? []).compactMap {
            ($0["Organisation"] as? [String: Any])?["uuid"] as? String
        }
        let members = ["usa", "uk", "canada", "australia", "new-zealand"].map { Self.uuid("identity", $0) }
        #expect(Set(members).isSubset(of: Set(orgs)))
        #expect(try Self.event("leak")["Tag"].map { "\($0)" }?.contains("tlp:clear") == true)
        #expect(try Self.event("ministry-breach")["Tag"].map { "\($0)" }?.contains("tlp:amber") == true)
    }

    @Test(arguments: MISPEventMode.allCases)
    func everyTLPLevelIsATagOfTheTLPTaxonomy(mode: MISPEventMode) throws {
        let text = String(decoding: try MISPWriterTests.render(mode: mode), as: UTF8.self)
        for tlp in TLP.allCases {
            #expect(text.contains("\"name\": \"tlp:\(tlp.rawValue)\""), "no tlp:\(tlp.rawValue) tag")
        }
        #expect(!text.contains("tlp:white"))
    }

    @Test func aLinkWithANarrowerMarkingReachesOnlyItsOwnAudience() throws {
        let event = try Self.event("himalaya-incursion")
        let usa = Self.uuid("identity", "usa")
        let objects = event["Object"] as? [[String: Any]] ?? []
        let incident = try #require(objects.first { $0["name"] as? String == "incident" })
        let references = (incident["ObjectReference"] as? [[String: Any]] ?? []).compactMap { $0["referenced_uuid"] as? String }
        #expect(!references.contains(usa), "the FVEY-only support link sits on a GREEN incident")
        let attributes = event["Attribute"] as? [[String: Any]] ?? []
        let link = try #require(attributes.first { ($0["comment"] as? String)?.contains("supported-by \(usa)") == true })
        #expect(link["distribution"] as? String == "4")
        let orgs = ((link["SharingGroup"] as? [String: Any])?["SharingGroupOrg"] as? [[String: Any]] ?? []).compactMap {
            ($0["Organisation"] as? [String: Any])?["uuid"] as? String
        }
        #expect(Set(orgs) == Set([Self.uuid("identity", "india"), usa, Self.uuid("identity", StableID.producerLocalID)]))
        let narrative = ((event["EventReport"] as? [[String: Any]])?.first?["content"] as? String) ?? ""
        #expect(!narrative.contains(usa))
    }

    @Test func anActorsRealMISPOrganisationUUIDIsUsedInSharingGroups() throws {
        let event = try Self.event("ministry-breach")
        let galaxies = event["Galaxy"] as? [[String: Any]] ?? []
        let clusters = galaxies.flatMap { $0["GalaxyCluster"] as? [[String: Any]] ?? [] }
        let dragon = try #require(clusters.first { $0["value"] as? String == "Red Dragon" })
        #expect(dragon["distribution"] as? String == "4")
        let orgs = ((dragon["SharingGroup"] as? [String: Any])?["SharingGroupOrg"] as? [[String: Any]] ?? []).compactMap {
            ($0["Organisation"] as? [String: Any])?["uuid"] as? String
        }
        #expect(orgs.contains(MISPFixtureReport.nsaMISPUUID))
        #expect(!orgs.contains(Self.uuid("identity", "nsa")))
        // The actor is narrower than the event, so its tag may not sit on the event itself.
        #expect(!"\(event["Tag"] ?? "")".contains("Red Dragon"))
    }

    @Test func objectsNoIncidentReachesGoIntoOneContextEvent() throws {
        let events = try MISPWriterTests.events(mode: .perIncident)
        let quad = Self.uuid("identity", "quad")
        let holding = events.filter { event in
            (event["Object"] as? [[String: Any]] ?? []).contains { $0["uuid"] as? String == quad }
        }
        #expect(holding.count == 1)
        #expect((holding.first?["info"] as? String)?.hasSuffix(": context") == true)
    }

    @Test func uuidsStayStableWhenTheReportGrows() throws {
        let before = try MISPWriterTests.events(mode: .perIncident)
        var grown = try MISPFixtureReport.make()
        grown.actors.append(Actor(id: "korea", name: "South Korea", kind: .state, country: CountryCode("KR")))
        grown.incidents.append(Incident(id: "later", title: "A later incident", kind: .espionage, targets: [Link("korea")]))
        let after = try MISPWriterTests.events(grown, mode: .perIncident)
        func uuids(_ events: [[String: Any]]) -> Set<String> {
            Set(events.flatMap { event in
                [event["uuid"] as? String].compactMap { $0 }
                    + (event["Object"] as? [[String: Any]] ?? []).compactMap { $0["uuid"] as? String }
            })
        }
        #expect(uuids(before).isSubset(of: uuids(after)))
        #expect(uuids(before).contains(Self.uuid("identity", "japan")))
        #expect(uuids(after).contains(Self.uuid("incident", "later")))
    }

    @Test func aLinksOwnMarkingNeverReachesFurtherThanItsEnds() throws {
        var report = ThreatReport(
            title: "Clamp", published: try PartialDate(parsing: "2024-01-10"),
            producer: Producer(id: Self.producer, name: "Example CERT"), defaultMarking: Marking(tlp: .clear))
        report.actors = [
            Actor(id: "usa", name: "United States", kind: .state),
            Actor(id: "secret-unit", name: "Secret Unit", kind: .agency, marking: Marking(tlp: .amber, releasableTo: [.party("usa")])),
        ]
        report.incidents = [
            Incident(id: "probe", title: "Probe", kind: .espionage, targets: [Link("secret-unit", marking: Marking(tlp: .clear))])
        ]
        let event = try #require(try MISPWriterTests.events(report, mode: .perIncident).first)
        #expect(event["distribution"] as? String == "3")
        let objects = event["Object"] as? [[String: Any]] ?? []
        let unit = Self.uuid("identity", "secret-unit")
        let incident = try #require(objects.first { $0["name"] as? String == "incident" })
        #expect(!"\(incident["ObjectReference"] ?? "")".contains(unit), "a CLEAR link to an AMBER object sits on the CLEAR incident")
        let holder = try #require(objects.first { $0["uuid"] as? String == unit })
        #expect(holder["distribution"] as? String == "4")
        let references = holder["ObjectReference"] as? [[String: Any]] ?? []
        #expect(references.map { $0["relationship_type"] as? String } == ["targeted-by"])
        #expect(!"\(event["EventReport"] ?? "")".contains(unit))
    }
}
