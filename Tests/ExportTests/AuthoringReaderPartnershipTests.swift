import Export
import Testing

/// Diagnostics about partnerships, and what the reader refuses or accepts at the byte level.
struct AuthoringReaderPartnershipTests {
    typealias F = AuthoringFixtures

    static let members = """
        actors:
          - {id: usa, name: US, kind: state, country: US}
          - {id: jp, name: Japan, kind: state, country: JP}

        """

    @Test func membershipDatesOutOfOrder() {
        let text = F.header + Self.members + """
            partnerships:
              - id: p
                name: P
                kind: bilateral
                members:
                  - {member: usa, since: 2020, until: 2019-05}
                  - jp
            """
        #expect(F.lint(text) == ["14:43: error: membership ends (2019-05) before it starts (2020)"])
    }

    @Test func partnershipWithFewerThanTwoMembers() {
        let text = F.header + Self.members + """
            partnerships:
              - id: p
                name: P
                kind: bilateral
                members: [usa]
            """
        #expect(F.lint(text) == ["13:14: warning: partnership 'p' has 1 member; a partnership needs at least two"])
    }

    @Test func cyclesOfPartnerships() {
        let text = F.header + Self.members + """
            partnerships:
              - {id: a, name: A, kind: alliance, members: [usa, b]}
              - {id: b, name: B, kind: alliance, members: [jp, c]}
              - {id: c, name: C, kind: alliance, members: [usa, a]}
            """
        #expect(F.lint(text) == ["12:53: error: partnerships form a cycle: a → b → c → a"])
    }

    @Test func nestedPartnershipsWithoutCycleAreFine() {
        let text = F.header + Self.members + """
            partnerships:
              - {id: a, name: A, kind: alliance, members: [usa, jp]}
              - {id: b, name: B, kind: initiative, members: [a, {member: jp, role: beneficiary}]}
            """
        #expect(F.lint(text).isEmpty)
    }

    @Test func anchorsAndAliasesAreRefused() {
        let text = F.header + """
            actors:
              - &state {id: a, name: A, kind: state}
              - *state
            """
        #expect(F.lint(text) == ["7:5: error: YAML anchor '&state' is not allowed in report documents"])
        #expect(F.lint(F.header + "actors:\n  - *state\n") == ["7:5: error: YAML aliases are not allowed in report documents"])
    }

    @Test func billionLaughsStopsAtTheFirstAnchor() {
        var text = F.header + "description: &a0 lol\n"
        for level in 1...30 { text += "x\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ",") + "]\n" }
        let result = F.read(text)
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.message == "YAML anchor '&a0' is not allowed in report documents")
    }

    @Test func byteOrderMarkIsAcceptedAndPositionsStay() {
        let text = "\u{FEFF}" + F.header + "bogus: 1\n"
        #expect(F.lint(text) == ["6:1: error: unknown key 'bogus' in the report"])
    }

    @Test(arguments: [
        ([0xFF, 0xFE, 0x7B, 0x00], "UTF-16LE"), ([0xFE, 0xFF, 0x00, 0x7B], "UTF-16BE"),
        ([0xFF, 0xFE, 0x00, 0x00, 0x7B, 0x00, 0x00, 0x00], "UTF-32LE"), ([0x00, 0x00, 0xFE, 0xFF], "UTF-32BE"),
        ([0x7B, 0x00, 0x22, 0x00], "UTF-16LE"), ([0x7B, 0x00, 0x00, 0x00], "UTF-32LE"),
    ] as [([UInt8], String)])
    func wideEncodingsAreRefused(_ bytes: [UInt8], _ name: String) {
        let result = AuthoringReader.read(bytes, file: "w.json")
        #expect(result.report == nil)
        #expect(result.diagnostics.map(\.message) == ["the file is \(name), not UTF-8"])
    }

    @Test func invalidUTF8IsLocated() {
        let bytes = Array(F.header.utf8) + Array("title2: ab".utf8) + [0xC3, 0x28] + [0x0A]
        let result = AuthoringReader.read(bytes, file: "u.yaml")
        #expect(result.diagnostics.map(\.rendered) == [
            "u.yaml:6:11: error: the file has invalid UTF-8 (byte 0xC3)\n  hint: save the file as UTF-8 text"
        ])
    }

    @Test func emptyAndTruncatedInputs() {
        #expect(F.lint("") == ["1:1: error: the file is empty"])
        #expect(F.lint("# only a comment\n") == ["1:1: error: the document is empty"])
        let truncated = F.lint("{\"format_version\": \"1.0\", \"title\": \"x")
        #expect(truncated.count == 1)
        #expect(truncated.first?.hasPrefix("1:") == true)
        #expect(truncated.first?.contains("syntax error") == true)
    }

    @Test func deepNestingIsBounded() {
        let deep = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(F.lint(deep) == ["1:129: error: nesting is deeper than the limit of 128 levels"])
        // At 10,000 levels libyaml's own scanner bound trips first; the message stays ours, on line 1.
        let hostile = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let findings = F.lint(hostile)
        #expect(findings.count == 1)
        #expect(findings.first?.hasPrefix("1:") == true)
        #expect(findings.first?.hasSuffix("error: nesting is deeper than the limit of 128 levels") == true)
    }

    @Test func jsonDocumentsGetTheSameDiagnostics() {
        let json = """
            {
              "format_version": "1.0",
              "title": "T",
              "published": "2023-11-15",
              "producer": {"id": "p", "name": "P"},
              "default_marking": {"tlp": "clear"},
              "actors": [{"id": "a", "name": "A", "kind": "state", "country": "XX", "name": "B"}]
            }
            """
        #expect(F.lint(json, file: "t.json") == [
            "7:67: error: unknown country code 'XX'",
            "7:73: error: duplicate key 'name'",
        ])
    }

    /// A recipient's view lists only the memberships the recipient may see: a partnership left with one reads
    /// back (with a warning) in the report formats, where it was refused.
    @Test func aViewWithOneVisibleMemberReadsBack() throws {
        var report = try SampleScenario.report()
        report.actors.append(Actor(id: "hidden-partner", name: "Hidden Partner", kind: .state, country: CountryCode("DEU"),
                                   marking: Marking(tlp: .red, releasableTo: [.country(try #require(CountryCode("USA")))])))
        report.partnerships.append(Partnership(
            id: "pair", name: "Pair", kind: .bilateral, members: [Membership("vietnam"), Membership("hidden-partner")]))
        let view = try SharingPolicy().view(report, for: try Recipient.resolve("VNM", in: report)).view
        #expect(view.report.partnerships.first { $0.id == "pair" }?.members.count == 1)
        for (format, input) in [(FormatDescriptor.reportXML, FormatDescriptor.reportXML), (.reportJSON, .authoring)] {
            var sink: any ByteSink = MemorySink()
            _ = try format.writer!.write(view, options: .default, to: &sink)
            let read = input.reader!.read((sink as? MemorySink)?.bytes ?? [], "view", .default)
            #expect(read.report != nil && !read.diagnostics.hasErrors, "\(format.name): \(read.diagnostics)")
        }
    }
}
