import Export
import Testing

/// Indicators, observables, malware and tools in the authoring format: read, checked and located.
struct AuthoringReaderDetectionTests {
    typealias F = AuthoringFixtures

    static let document = F.header + """
        actors:
          - {id: apt-x, name: APT X, kind: threat-actor}
        incidents:
          - {id: breach, title: Breach, kind: cyber-operation}
        indicators:
          - id: c2
            name: C2 address
            description: The address the implant calls home to.
            pattern: "[ipv4-addr:value = '203.0.113.5']"
            valid_from: 2023-01-10
            valid_until: 2023-12
            indicator_types: [malicious-activity]
            kill_chain_phases: [{kill_chain_name: lockheed-martin-cyber-kill-chain, phase_name: command-and-control}]
            indicates: [apt-x, plugx]
            based_on: [c2-ip]
        observables:
          - {id: c2-ip, type: ipv4-addr, value: 203.0.113.5, involved_in: [breach]}
          - id: dropper
            type: file
            name: a.exe
            hashes: {SHA-256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08, MD5: d41d8cd98f00b204e9800998ecf8427e}
        malware:
          - {id: plugx, name: PlugX, is_family: true, malware_types: [remote-access-trojan], used_by: [apt-x]}
        tools:
          - {id: psexec, name: PsExec, tool_types: [remote-access], used_by: [apt-x]}

        """

    @Test func readsEveryFieldAndWritesItBack() throws {
        let result = F.read(Self.document)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        let report = try #require(result.report)
        let indicator = try #require(report.indicators.first)
        #expect(indicator.validUntil?.description == "2023-12")
        #expect(indicator.killChainPhases == [KillChainPhase(killChainName: "lockheed-martin-cyber-kill-chain", phaseName: "command-and-control")])
        #expect(indicator.indicates.map(\.ref) == ["apt-x", "plugx"])
        #expect(report.observables[1].hashes.map(\.algorithm) == [.md5, .sha256])
        #expect(report.observables[0].involvedIn.map(\.ref) == ["breach"])
        #expect(report.malware.first?.usedBy.map(\.ref) == ["apt-x"])
        #expect(report.tools.first?.types == ["remote-access"])
        // report-json carries them all: what it writes reads back to the same model.
        let bytes = CanonicalJSON.bytes(report.authoringJSON())
        let again = AuthoringReader.read(bytes, file: "again.json")
        #expect(again.diagnostics.isEmpty)
        #expect(again.report == report)
    }

    @Test func patternProblemsPointAtTheCharacter() {
        let text = F.header + """
            indicators:
              - id: c2
                name: C2
                pattern: "[ipv4-addr:valu = '203.0.113.5']"
                valid_from: 2023

            """
        #expect(F.lint(text) == ["9:26: error: 'pattern': 'ipv4-addr' has no property 'valu'"])
        #expect(F.hints(text) == ["did you mean 'value'? (custom properties start with 'x_')"])
    }

    @Test func valuesAndHashesAreCheckedWhereTheyAreWritten() {
        let text = F.header + """
            observables:
              - {id: a, type: ipv4-addr, value: 203.0.113.300}
              - {id: b, type: file, hashes: {SHA-1: d41d8cd98f00b204e9800998ecf8427e}}
              - {id: c, type: domain-name}
              - {id: d, type: url, value: "https://x.example/", hashes: {MD5: d41d8cd98f00b204e9800998ecf8427e}}

            """
        #expect(F.lint(text) == [
            "7:47: error: 'value': 300 is more than 255",
            "8:41: error: 'SHA-1': this SHA-1 digest has 32 hex digits; SHA-1 has 40",
            "9:5: error: an observable of type domain-name needs a 'value'",
            "10:61: error: 'hashes' applies only to observables of type file",
        ])
    }

    @Test func linksNameTheRightKindOfObject() {
        let text = F.header + """
            actors:
              - {id: japan, name: Japan, kind: state}
            indicators:
              - {id: c2, name: C2, pattern: "[url:value = 'http://a.example/']", valid_from: 2023, based_on: [japan], indicates: [japan]}
            tools:
              - {id: t, name: T, used_by: [nobody]}

            """
        let lint = F.lint(text)
        #expect(lint.contains { $0.hasSuffix("error: 'japan' is an actor, but this must name observable") })
        #expect(lint.contains { $0.hasSuffix("error: 'japan' is an actor but not a threat actor") })
        #expect(lint.contains { $0.hasSuffix("error: no object has the id 'nobody'") })
    }
}
