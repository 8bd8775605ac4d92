import Export
import ExportTestSupport
import Testing

/// The sharing semantics on the built-in scenario: exact object sets, and each rule on its own.
struct SharingPolicyTests {
    let report: ThreatReport
    let policy = SharingPolicy()

    init() throws { report = try SampleScenario.report() }

    func receivedIDs(_ recipient: String) throws -> [String] {
        let view = try policy.view(report, for: try Recipient.resolve(recipient, in: report)).view.report
        return (view.actors.map(\.id) + view.intrusionSets.map(\.id) + view.campaigns.map(\.id)
            + view.partnerships.map(\.id) + view.incidents.map(\.id)).sorted()
    }

    /// What every recipient receives: the article's public facts, all TLP:CLEAR.
    static let everyone = [
        "australia", "canada", "china", "china-intelligence-apparatus", "china-maritime-militia",
        "china-regional-espionage", "classified-disclosure", "csis", "daniel-byman", "donald-trump", "five-eyes",
        "himalaya-incursion", "india", "jack-teixeira", "japan", "japan-defense-ministry",
        "japan-information-protection", "lloyd-austin", "minoru-kihara", "new-zealand", "pacific-nations",
        "philippines", "pla", "quad", "quad-satellite-data", "russia", "south-korea", "space-force-japan-tracking",
        "ukraine", "united-kingdom", "us-defense-department", "us-india", "us-japan", "us-japan-philippines",
        "us-japan-rok", "us-justice-department", "us-space-force", "us-vietnam", "usa", "vietnam",
    ]

    func view(_ recipient: String) throws -> ThreatReport {
        try policy.view(report, for: try Recipient.resolve(recipient, in: report)).view.report
    }

    static func members(_ view: ThreatReport, _ partnership: String) -> [String] {
        view.partnerships.first { $0.id == partnership }?.members.map(\.member) ?? []
    }

    /// Vietnam receives the public part, its bilateral with both members, and nothing marked.
    @Test func vietnamReceivesThePublicPartAndItsBilateral() throws {
        #expect(try receivedIDs("VNM") == Self.everyone)
        let vietnam = try view("VNM")
        #expect(Self.members(vietnam, "us-vietnam") == ["usa", "vietnam"])
        #expect(Self.members(vietnam, "us-japan-rok") == ["usa", "japan"])
        #expect(Self.members(vietnam, "us-japan-philippines") == ["usa", "japan"])
        #expect(Self.members(try view("KOR"), "us-japan-rok") == ["usa", "japan", "south-korea"])
    }

    @Test func indiaReceivesTheQuadAndItsOwnLinks() throws {
        #expect(try receivedIDs("IND") == Self.everyone)
        let india = try view("IND")
        #expect(india.actors.first { $0.id == "china-maritime-militia" }?.sponsoredBy.map(\.ref) == ["china"], "Quad only")
        #expect(india.incidents.first { $0.id == "himalaya-incursion" }?.supporters.map(\.ref) == ["usa"], "RED, IND")
        let vietnam = try view("VNM")
        #expect(vietnam.actors.first { $0.id == "china-maritime-militia" }?.sponsoredBy.isEmpty == true)
    }

    @Test func theUnitedKingdomReceivesTheFiveEyesItems() throws {
        let expected = (Self.everyone + ["china-cyber-operators"]).sorted()
        #expect(try receivedIDs("GBR") == expected)
        let campaign = try view("GBR").campaigns.first { $0.id == "china-regional-espionage" }
        #expect(campaign?.attributedTo.map(\.ref) == ["china-intelligence-apparatus", "china-cyber-operators"])
    }

    /// The scenario's Asian partners, the United States, Australia and the United Kingdom. (Canada and New Zealand
    /// receive exactly what the United Kingdom does: the article gives them nothing beyond Five Eyes.)
    @Test func everyPairOfPartnersReceivesSomethingDifferent() throws {
        let partners = ["USA", "GBR", "AUS", "JPN", "IND", "KOR", "PHL", "VNM"]
        var seen: [String: String] = [:]
        for partner in partners {
            var sink = MemorySink()
            let view = try policy.view(report, for: try Recipient.resolve(partner, in: report)).view
            _ = try ReportJSONWriter().write(view, options: .default, to: &sink)
            #expect(seen[sink.string] == nil, "\(partner) receives exactly what \(seen[sink.string] ?? "") receives")
            seen[sink.string] = partner
        }
    }

    @Test func redLinkGoesOnlyToTheCountryNamed() throws {
        for (recipient, hasLink) in [("IND", true), ("USA", true), ("AUS", false), ("GBR", false)] {
            let view = try policy.view(report, for: try Recipient.resolve(recipient, in: report)).view.report
            let incursion = try #require(view.incidents.first { $0.id == "himalaya-incursion" })
            #expect(incursion.supporters.contains { $0.ref == "usa" } == hasLink, "\(recipient)")
            #expect(incursion.attributedTo.map(\.ref) == ["pla"])
        }
    }

    /// The article dates no membership, so the Philippines certainly belongs to its trilateral on the report's
    /// date and receives its own membership; a membership known only as "since 2023" would not count.
    @Test func aMembershipTheReportsDateExcludesDoesNotCount() throws {
        #expect(Self.members(try view("PHL"), "us-japan-philippines") == ["usa", "japan", "philippines"])
        #expect(Self.members(try view("JPN"), "us-japan-philippines") == ["usa", "japan", "philippines"])
        var dated = report
        let trilateral = try #require(dated.partnerships.firstIndex { $0.id == "us-japan-philippines" })
        dated.partnerships[trilateral].members[2].since = try PartialDate(parsing: "2023")
        let philippines = try Recipient.resolve("PHL", in: dated)
        let view = try policy.view(dated, for: philippines).view.report
        #expect(Self.members(view, "us-japan-philippines") == ["usa", "japan"])
        let plan = policy.plan(dated, for: philippines)
        let decision = try #require(plan.decisions.first { $0.id.contains("philippines") && $0.kind == "membership" })
        #expect(decision.rule.contains("PHL is not among them on 2023-11-15"), "\(decision.rule)")
    }

    @Test func nestedPartnershipsExpand() throws {
        var nested = report
        nested.incidents[1].marking = Marking(tlp: .amber, releasableTo: [.party("quad-satellite-data")])
        for (recipient, expected) in [("JPN", true), ("IND", true), ("GBR", false)] {
            let view = try policy.view(nested, for: try Recipient.resolve(recipient, in: nested)).view.report
            #expect(view.incidents.contains { $0.id == nested.incidents[1].id } == expected, "\(recipient)")
        }
    }

    @Test func redNeverFlowsThroughAPartnership() throws {
        var red = report
        red.incidents[1].marking = Marking(tlp: .red, releasableTo: [.party("quad"), .country(try #require(CountryCode("GB")))])
        #expect(try policy.view(red, for: try Recipient.resolve("IND", in: red)).view.report.incidents.contains { $0.id == red.incidents[1].id } == false)
        #expect(try policy.view(red, for: try Recipient.resolve("GBR", in: red)).view.report.incidents.contains { $0.id == red.incidents[1].id })
        #expect(try policy.view(red, for: try Recipient.resolve("lloyd-austin", in: red)).view.report.incidents.contains { $0.id == red.incidents[1].id } == false)
    }

    @Test func markingsInTheViewNameNoWithheldParty() throws {
        let view = try policy.view(report, for: try Recipient.resolve("IND", in: report)).view.report
        let withheld = Set(["china-cyber-operators"])
        let parties = view.allMarkings.flatMap(\.releasableTo).compactMap { entry -> String? in
            if case .party(let id) = entry { id } else { nil }
        }
        #expect(parties.allSatisfy { !withheld.contains($0) })
        // us-japan-rok is CLEAR, so India may read its name in a marking; its members' codes are not needed.
        #expect(parties.contains("us-japan-rok") == false || view.partnerships.contains { $0.id == "us-japan-rok" })
        #expect(parties.contains("quad"), "the Quad-only link India receives names the Quad")
    }

    @Test func noMarkingAndNoDefaultGoesToNobody() throws {
        var unmarked = report
        unmarked.defaultMarking = nil
        let redacting = SharingPolicy(redactsWithheldNames: true)
        let ids = try redacting.view(unmarked, for: try Recipient.resolve("IND", in: unmarked)).view.report.actors.map(\.id)
        #expect(ids == [], "the only actor with a marking of its own is for Five Eyes")
        let plan = policy.plan(unmarked, for: try Recipient.resolve("IND", in: unmarked))
        #expect(plan.withheld.contains { $0.id == "usa" && $0.rule.contains("--default-marking") })
        let lenient = SharingPolicy(defaultMarking: Marking(tlp: .clear))
        #expect(try lenient.view(unmarked, for: try Recipient.resolve("IND", in: unmarked)).view.report.actors.count > 20)
    }

    @Test func freeTextNamingAWithheldObjectFailsUnlessRedacted() throws {
        var leaky = report
        let index = try #require(leaky.incidents.firstIndex { $0.id == "classified-disclosure" })
        leaky.incidents[index].description = "Compare the Chinese cyber operators and the FVEY view."
        let vietnam = try Recipient.resolve("VNM", in: leaky)
        #expect {
            try policy.view(leaky, for: vietnam)
        } throws: { error in
            let diagnostics = (error as? ExportError)?.diagnostics ?? []
            return diagnostics.map(\.message) == [
                "incidents['classified-disclosure'].description names 'Chinese cyber operators' (china-cyber-operators), which the recipient does not receive"
            ]
        }
        let redacted = try SharingPolicy(redactsWithheldNames: true).view(leaky, for: vietnam).view.report
        #expect(redacted.incidents.first { $0.id == "classified-disclosure" }?.description == "Compare the [withheld] and the FVEY view.")
        #expect(policy.plan(leaky, for: vietnam).textHits.count == 1)
    }

    @Test func recipientsResolveCaseInsensitively() throws {
        #expect(try Recipient.resolve("in", in: report).fileStem == "IND")
        #expect(try Recipient.resolve("Ind", in: report).fileStem == "IND")
        #expect(try Recipient.resolve("india", in: report).fileStem == "IND")
        #expect(try Recipient.resolve("CSIS", in: report).fileStem == "csis")
        #expect(throws: ExportError.self) { try Recipient.resolve("atlantis", in: report) }
        #expect(try Recipient.members(of: "five-eyes", in: report).map(\.fileStem) == ["AUS", "CAN", "NZL", "GBR", "USA"])
    }
}
