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

    static let everyone = [
        "australia", "canada", "china", "china-intelligence-apparatus", "china-regional-espionage",
        "classified-disclosure-2023", "csis", "daniel-byman", "donald-trump", "five-eyes", "india", "ipmda",
        "jack-teixeira", "japan", "japan-defense-ministry", "japan-information-protection", "lloyd-austin",
        "minoru-kihara", "new-zealand", "pacific-illegal-fishing", "pacific-island-nations", "pacific-smuggling",
        "philippines", "pla", "quad", "russia", "south-korea", "ukraine", "united-kingdom", "us-air-national-guard",
        "us-defense-department", "us-india", "us-japan", "us-japan-rok", "us-justice-department",
        "us-space-force", "us-vietnam", "usa", "vietnam",
    ]

    @Test func vietnamReceivesThePublicPartAndItsBilateral() throws {
        #expect(try receivedIDs("VNM") == Self.everyone)
    }

    @Test func indiaReceivesTheQuadAndBilateralItems() throws {
        let expected = (Self.everyone.filter { $0 != "us-vietnam" }
            + ["china-maritime-militia", "himalaya-incursion", "maritime-militia-movements"]).sorted()
        #expect(try receivedIDs("IND") == expected)
    }

    @Test func theUnitedKingdomReceivesTheFiveEyesItems() throws {
        let expected = (Self.everyone.filter { $0 != "us-vietnam" } + ["china-cyber-espionage", "china-state-cyber-actors"]).sorted()
        #expect(try receivedIDs("GBR") == expected)
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
        for (recipient, hasLink) in [("IND", true), ("USA", false)] {
            let view = try policy.view(report, for: try Recipient.resolve(recipient, in: report)).view.report
            let incursion = try #require(view.incidents.first { $0.id == "himalaya-incursion" })
            #expect(incursion.supporters.contains { $0.ref == "usa" } == hasLink, "\(recipient)")
            #expect(incursion.attributedTo.map(\.ref) == ["pla"])
        }
    }

    @Test func aMembershipTheReportsDateExcludesDoesNotCount() throws {
        #expect(try receivedIDs("PHL").contains("us-japan-philippines") == false)
        #expect(try receivedIDs("JPN").contains("us-japan-philippines"))
        let plan = policy.plan(report, for: try Recipient.resolve("PHL", in: report))
        let decision = try #require(plan.decisions.first { $0.id == "us-japan-philippines" })
        #expect(decision.rule.contains("PHL is not among them on 2023-11-15"))
    }

    @Test func nestedPartnershipsExpand() throws {
        var nested = report
        nested.incidents[4].marking = Marking(tlp: .amber, releasableTo: [.party("ipmda")])
        for (recipient, expected) in [("JPN", true), ("IND", true), ("GBR", false)] {
            let view = try policy.view(nested, for: try Recipient.resolve(recipient, in: nested)).view.report
            #expect(view.incidents.contains { $0.id == nested.incidents[4].id } == expected, "\(recipient)")
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
        let withheld = Set(["us-vietnam", "space-force-japan-tracking", "china-state-cyber-actors", "china-cyber-espionage"])
        let parties = view.allMarkings.flatMap(\.releasableTo).compactMap { entry -> String? in
            if case .party(let id) = entry { id } else { nil }
        }
        #expect(parties.allSatisfy { !withheld.contains($0) })
        // us-japan-rok is CLEAR, so India may read its name in a marking; its members' codes are not needed.
        #expect(parties.contains("us-japan-rok") == false || view.partnerships.contains { $0.id == "us-japan-rok" })
    }

    @Test func noMarkingAndNoDefaultGoesToNobody() throws {
        var unmarked = report
        unmarked.defaultMarking = nil
        let redacting = SharingPolicy(redactsWithheldNames: true)
        let ids = try redacting.view(unmarked, for: try Recipient.resolve("IND", in: unmarked)).view.report.actors.map(\.id)
        #expect(ids == ["china-maritime-militia"])
        let plan = policy.plan(unmarked, for: try Recipient.resolve("IND", in: unmarked))
        #expect(plan.withheld.contains { $0.id == "usa" && $0.rule.contains("--default-marking") })
        let lenient = SharingPolicy(defaultMarking: Marking(tlp: .clear))
        #expect(try lenient.view(unmarked, for: try Recipient.resolve("IND", in: unmarked)).view.report.actors.count > 20)
    }

    @Test func freeTextNamingAWithheldObjectFailsUnlessRedacted() throws {
        var leaky = report
        let index = try #require(leaky.incidents.firstIndex { $0.id == "classified-disclosure-2023" })
        leaky.incidents[index].description = "Compare the Chinese maritime militia and the FVEY view."
        let vietnam = try Recipient.resolve("VNM", in: leaky)
        #expect {
            try policy.view(leaky, for: vietnam)
        } throws: { error in
            let diagnostics = (error as? ExportError)?.diagnostics ?? []
            return diagnostics.map(\.message) == [
                "incidents['classified-disclosure-2023'].description names 'Chinese maritime militia' (china-maritime-militia), which the recipient does not receive"
            ]
        }
        let redacted = try SharingPolicy(redactsWithheldNames: true).view(leaky, for: vietnam).view.report
        #expect(redacted.incidents.first { $0.id == "classified-disclosure-2023" }?.description == "Compare the [withheld] and the FVEY view.")
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
