import Export
import ExportTestSupport
import Testing

/// Issue 15's reproductions on authored reports: the narrative's marking, RED memberships in labels and
/// decisions, who a country code covers, and partnerships named as recipients.
struct SharingRecipientRulesTests {
    static func report(_ yaml: String) throws -> ThreatReport {
        let result = AuthoringReader.read(Array(yaml.utf8), file: "r.yaml")
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        return try #require(result.report)
    }

    static let header = """
        format_version: "1.0"
        title: TOKENTITLE narrative
        description: TOKENDESCRIPTION of the report
        published: 2023-11-15
        producer: {id: desk.example, name: Example Desk}

        """

    @Test func theNarrativeFollowsItsMarking() throws {
        let report = try Self.report(Self.header + """
            default_marking: {tlp: amber, releasable_to: [DEU]}
            actors:
              - {id: france, name: France, kind: state, country: FR, marking: {tlp: clear}}
              - {id: germany, name: Germany, kind: state, country: DE, marking: {tlp: clear}}
            """)
        let outputs = try SharingImportedContentTests.outputs(report, for: "FRA")
        SharingImportedContentTests.expectAbsent(["TOKENTITLE", "TOKENDESCRIPTION"], in: outputs, "narrative for FRA")
        for (format, bytes) in outputs where format != "misp" {
            #expect(bytes.contains("Report from Example Desk"), "\(format) carries the neutral title")
        }
        let plan = SharingPolicy().plan(report, for: try Recipient.resolve("FRA", in: report))
        #expect(plan.withheld.map(\.kind) == ["report narrative"], "\(plan.withheld)")
        let germany = try SharingImportedContentTests.outputs(report, for: "DEU")
        #expect(germany["stix21"]?.contains("TOKENTITLE") == true, "Germany may read the narrative")
    }

    @Test func aNarrativeMarkingOfItsOwnOverridesTheDefault() throws {
        let report = try Self.report(Self.header + """
            default_marking: {tlp: clear}
            marking: {tlp: amber, releasable_to: [DEU]}
            actors:
              - {id: france, name: France, kind: state, country: FR}
            """)
        SharingImportedContentTests.expectAbsent(
            ["TOKENTITLE", "TOKENDESCRIPTION"], in: try SharingImportedContentTests.outputs(report, for: "FRA"), "own narrative marking")
    }

    static let club = """
        actors:
          - {id: usa, name: United States, kind: state, country: US, marking: {tlp: clear}}
          - {id: india, name: India, kind: state, country: IN, marking: {tlp: clear}}
          - {id: pakistan, name: Pakistan, kind: state, country: PK, marking: {tlp: clear}}
          - {id: x, name: Actor X, kind: threat-actor, marking: {tlp: amber, releasable_to: [club]}}
        partnerships:
          - id: club
            name: The Club
            kind: alliance
            marking: {tlp: amber, releasable_to: [USA]}
            members:
              - usa
              - india
              - {member: pakistan, marking: {tlp: red, releasable_to: [USA]}}
        """

    @Test func aRedMembershipNeitherReleasesNorShowsInLabels() throws {
        let report = try Self.report(Self.header + "default_marking: {tlp: clear}\n" + Self.club)
        let pakistan = SharingPolicy().plan(report, for: try Recipient.resolve("PAK", in: report))
        #expect(pakistan.decisions.first { $0.id == "x" }?.isReleased == false, "a RED membership releases nothing")
        let view = try SharingPolicy().view(report, for: try Recipient.resolve("IND", in: report)).view.report
        let label = try #require(view.actors.first { $0.id == "x" }?.marking)
        #expect(label.releasableTo.map(\.text) == ["IND", "USA"], "x's label must not count the RED membership")
        let india = try SharingImportedContentTests.outputs(report, for: "IND")
        for (format, bytes) in india {
            #expect(bytes.contains("Actor X"), "\(format): India receives x")
            #expect(!bytes.contains("IND, PAK") && !bytes.contains("PAK, USA"), "\(format): no label counts Pakistan")
        }
    }

    @Test func aCountryCoversItsStateAndAgenciesNotEveryoneLocatedThere() throws {
        let report = try Self.report(Self.header + """
            default_marking: {tlp: clear}
            actors:
              - {id: usa, name: United States, kind: state, country: US}
              - {id: uk, name: United Kingdom, kind: state, country: GB}
              - {id: nsa, name: National Security Agency, kind: agency, country: US}
              - {id: csis, name: A think tank, kind: organization, country: US}
              - {id: hospital, name: A hospital, kind: organization, country: DE}
              - {id: secret, name: TOKENFVEY, kind: threat-actor, marking: {tlp: amber, releasable_to: [five-eyes]}}
              - {id: red-de, name: TOKENREDDEU, kind: threat-actor, marking: {tlp: red, releasable_to: [DEU]}}
            partnerships:
              - {id: five-eyes, name: Five Eyes, kind: alliance, members: [usa, uk]}
            """)
        SharingImportedContentTests.expectAbsent(
            ["TOKENFVEY"], in: try SharingImportedContentTests.outputs(report, for: "csis"), "a think tank is not its state")
        SharingImportedContentTests.expectAbsent(
            ["TOKENREDDEU"], in: try SharingImportedContentTests.outputs(report, for: "hospital"), "a hospital is not its state")
        #expect(try SharingImportedContentTests.outputs(report, for: "nsa")["stix21"]?.contains("TOKENFVEY") == true,
                "an agency is part of its state")
        let plan = SharingPolicy().plan(report, for: try Recipient.resolve("USA", in: report))
        let rule = try #require(plan.decisions.first { $0.id == "secret" }?.rule)
        #expect(rule.contains("include usa") && !rule.contains("of which"), "\(rule)")
    }

    @Test func aPartnershipIsNotARecipient() throws {
        let report = try Self.report(Self.header + "default_marking: {tlp: clear}\n" + Self.club)
        #expect {
            _ = try Recipient.resolve("club", in: report)
        } throws: { error in
            (error as? ExportError).map { "\($0)".contains("--for-members club") } ?? false
        }
    }

    @Test func thousandsOfReleasableToEntriesStayLinear() throws {
        let ids = (0..<10_000).map { "party-\($0)" }
        var report = try Self.report(Self.header + "default_marking: {tlp: clear}\n" + Self.club)
        report.actors += ids.map { Actor(id: $0, name: $0, kind: .organization) }
        let wide = Marking(tlp: .amber, releasableTo: ids.map(Releasee.party))
        for index in 0..<2_000 {
            report.actors.append(Actor(id: "object-\(index)", name: "Object \(index)", kind: .threatActor, marking: wide))
        }
        let plan = SharingPolicy().plan(report, for: try Recipient.resolve("IND", in: report))
        let rule = try #require(plan.decisions.first { $0.id == "object-0" }?.rule)
        #expect(rule.count < 400, "a rule names at most ten entries: \(rule.count) characters")
    }
}
