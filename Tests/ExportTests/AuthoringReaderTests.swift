import Export
import Testing

/// Every diagnostic the issue lists, with its exact line and column.
struct AuthoringReaderTests {
    typealias F = AuthoringFixtures

    @Test func minimalReportIsClean() throws {
        let result = F.read(F.header)
        #expect(result.diagnostics.isEmpty)
        let report = try #require(result.report)
        #expect(report.title == "Test report")
        #expect(report.published.description == "2023-11-15")
        #expect(report.defaultMarking == Marking(tlp: .clear))
    }

    @Test func unknownKeySuggestsTheNearest() {
        let text = F.header + "actors:\n  - id: usa\n    nmae: United States\n    name: US\n    kind: state\n"
        #expect(F.lint(text) == ["8:5: error: unknown key 'nmae' in an actor"])
        #expect(F.hints(text) == ["did you mean 'name'?"])
    }

    @Test func missingRequiredKeyIsReportedAtTheMapping() {
        let text = F.header + "actors:\n  - id: usa\n    kind: state\n"
        #expect(F.lint(text) == ["7:5: error: an actor is missing required key 'name'"])
    }

    @Test func missingTopLevelKeys() {
        #expect(F.lint("title: x\n") == [
            "1:1: error: the report is missing required key 'format_version'",
            "1:1: error: the report is missing required key 'published'",
            "1:1: error: the report is missing required key 'producer'",
        ])
    }

    @Test func wrongTypes() {
        let text = F.header + """
            actors:
              - id: usa
                name: [United, States]
                kind: state
                aliases: US
                confidence: "80"
              - id: jp
                name: 42
                kind: state
                confidence: 12.5
            """
        #expect(F.lint(text) == [
            "8:11: error: 'name' must be text, not a list",
            "10:14: error: 'aliases' must be a list, not a string",
            "11:17: error: 'confidence' must be an integer, not a string",
            "13:11: error: 'name' must be text, not an integer",
            "15:17: error: 'confidence' must be an integer, not a number",
        ])
    }

    @Test func impossibleDates() {
        let text = F.header + """
            campaigns:
              - id: c
                name: C
                first_seen: 2023-02-30
                last_seen: 2023-13
            incidents:
              - id: i
                title: I
                kind: espionage
                when: 2022-12/2022-10
            """
        #expect(F.lint(text) == [
            "9:17: error: 'first_seen' is not a valid date: February 2023 has 28 days, not 30",
            "10:16: error: 'last_seen' is not a valid date: month 13 is not between 1 and 12",
            "15:11: error: 'when' is not a valid date or interval: the interval ends (2022-10) before it starts (2022-12)",
        ])
    }

    @Test func unknownCountryCodes() {
        let text = F.header + """
            actors:
              - {id: a, name: A, kind: state, country: XX}
              - {id: b, name: B, kind: state, country: jp}
              - {id: c, name: C, kind: state, country: "NO"}
              - {id: d, name: D, kind: state, country: NO}
            """
        let result = F.read(text)
        #expect(F.lint(text) == [
            "7:44: error: unknown country code 'XX'",
            "8:44: error: unknown country code 'jp'",
        ])
        #expect(result.diagnostics.map(\.hint)[1] == "write 'JPN' (Japan)")
        // Unquoted NO is Norway, not false (Yams' default resolver would say false).
        #expect(result.report?.actors.last?.country == CountryCode("NOR"))
        #expect(result.report?.actors[2].country == CountryCode("NOR"))
    }

    @Test func duplicateIDsAreReportedAtTheSecond() {
        let text = F.header + """
            actors:
              - {id: usa, name: A, kind: state}
            partnerships:
              - {id: usa, name: B, kind: alliance, members: [usa, usa2]}
            """
        #expect(F.lint(text) == ["9:10: error: duplicate id 'usa'", "9:55: error: no object has the id 'usa2'"])
    }

    @Test func duplicateKeysAreReportedAtTheSecondKeyAndReadingGoesOn() {
        let text = F.header + "title: Again\nactors:\n  - {id: a, name: A, kind: state, name: B}\n"
        #expect(F.lint(text) == [
            "6:1: error: duplicate key 'title'",
            "8:35: error: duplicate key 'name'",
        ])
        #expect(F.read(text).report?.title == "Test report")
    }

    @Test func referencesToMissingIDsSuggestTheNearest() {
        let text = F.header + """
            actors:
              - {id: china, name: China, kind: state}
              - {id: pla, name: PLA, kind: threat-actor, sponsored_by: [chian]}
            incidents:
              - id: i
                title: I
                kind: espionage
                attributed_to: [{ref: pal}]
                sources: [nowhere]
            """
        #expect(F.lint(text) == [
            "8:61: error: no object has the id 'chian'",
            "13:27: error: no object has the id 'pal'",
            "14:15: error: no source has the id 'nowhere'",
        ])
        #expect(F.hints(text).prefix(2) == ["did you mean 'china'?", "did you mean 'pla'?"])
    }

    @Test func referencesMustNameTheRightKind() {
        let text = F.header + """
            actors:
              - {id: usa, name: US, kind: state}
              - {id: jp, name: Japan, kind: state}
            incidents:
              - {id: i, title: I, kind: espionage}
              - {id: j, title: J, kind: espionage, attributed_to: [i]}
            """
        #expect(F.lint(text) == ["11:56: error: 'i' is an incident, but this must name actor or campaign or intrusion set"])
    }

    @Test func mispOrganisationUUIDRoundTrips() throws {
        let uuid = "5f6e8d4c-1a2b-4c3d-8e9f-0a1b2c3d4e5f"
        let text = F.header + "actors:\n  - {id: jp, name: Japan, kind: state, misp_organisation_uuid: \(uuid)}\n"
        let report = try #require(F.read(text).report)
        #expect(report.actors.first?.mispOrganisationUUID == uuid)
        let again = AuthoringReader.read(CanonicalJSON.bytes(report.authoringJSON()), file: "again.json")
        #expect(again.diagnostics.isEmpty)
        #expect(again.report == report)
    }

    /// Sharing hangs on these codes: a hint must never propose another country for a common non-ISO code.
    @Test func commonNonISOCountryCodesGetTheirCountry() throws {
        let cases = ["UK": "write 'GBR' (United Kingdom)", "GER": "write 'DEU' (Germany)", "EL": "write 'GRC' (Greece)"]
        for (written, hint) in cases {
            let text = """
                format_version: "1.0"
                title: T
                published: 2023-11-15
                producer: {id: p, name: P}
                actors:
                  - {id: a, name: A, kind: state, country: \(written)}
                """
            let diagnostics = F.read(text).diagnostics.filter { $0.severity == .error }
            #expect(diagnostics.first?.hint?.hasPrefix(hint) == true, "\(written): \(diagnostics)")
        }
        let eu = F.read("""
            format_version: "1.0"
            title: T
            published: 2023-11-15
            producer: {id: p, name: P}
            default_marking: {tlp: amber, releasable_to: [EU]}
            """).diagnostics.filter { $0.severity == .error }
        #expect(eu.first?.hint?.contains("is not a country") == true, "\(eu)")
    }

    @Test func markingsThatReachNobodyOrAnAdversaryWarn() throws {
        let text = """
            format_version: "1.0"
            title: T
            published: 2023-11-15
            producer: {id: p, name: P}
            default_marking: {tlp: amber}
            actors:
              - {id: x, name: X, kind: threat-actor, marking: {tlp: green, releasable_to: [x]}}
            """
        var settings = ImportSettings()
        settings.sharingHints = true
        let lines = AuthoringReader.read(Array(text.utf8), file: "t.yaml", settings: settings).diagnostics.map(\.rendered)
        #expect(F.lint(text).allSatisfy { !$0.contains("reaches nobody") }, "only lint asks for sharing hints")
        #expect(lines.contains { $0.contains("warning: TLP:AMBER with no releasable_to reaches nobody") }, "\(lines)")
        #expect(lines.contains { $0.contains("warning: releasable to 'x', a threat actor") }, "\(lines)")
    }
}
