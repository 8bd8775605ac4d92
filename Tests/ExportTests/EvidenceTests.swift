import Export
import ExportTestSupport
import Foundation
import Testing

/// `evidence`: read from the authoring format, carried by every format that has a place for it, read back by
/// our readers, and shared exactly like the item it supports.
struct EvidenceTests {
    static let yaml = """
        format_version: "1.0"
        title: T
        published: 2023-11-15
        producer: {id: p, name: P}
        actors:
          - {id: usa, name: United States, kind: state, country: US, evidence: "the United States is bolstering"}
          - id: japan
            name: Japan
            kind: state
            sponsored_by:
              - {ref: usa, evidence: [first quote, second quote]}
        partnerships:
          - id: pact
            name: Pact
            kind: bilateral
            members: [usa, {member: japan, evidence: "a membership quote"}]
            evidence: [one, two]
        """

    static func read(_ text: String) -> ImportResult { AuthoringReader.read(Array(text.utf8), file: "r.yaml") }

    @Test func authoringReadsOneQuoteOrAList() throws {
        let result = Self.read(Self.yaml)
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.map(\.rendered))")
        let report = try #require(result.report)
        #expect(report.actors[0].evidence == ["the United States is bolstering"])
        #expect(report.actors[1].sponsoredBy[0].evidence == ["first quote", "second quote"])
        #expect(report.partnerships[0].evidence == ["one", "two"])
        #expect(report.partnerships[0].members.map(\.evidence) == [[], ["a membership quote"]])
        // Canonical report-json: one quote as a string, several as a list; a link with evidence is a mapping.
        let json = CanonicalJSON.string(report.authoringJSON())
        #expect(json.contains("\"evidence\": \"the United States is bolstering\""))
        #expect(json.contains("\"evidence\": [\n            \"first quote\""))
        let back = try #require(Self.read(json).report)
        #expect(back == report)
    }

    @Test func anEmptyQuoteOrAMappingIsAnError() {
        let empty = Self.yaml.replacingOccurrences(of: "evidence: \"a membership quote\"", with: "evidence: \"\"")
        #expect(Self.read(empty).diagnostics.map(\.message).contains("an 'evidence' quote must not be empty"))
        let mapping = Self.yaml.replacingOccurrences(of: "evidence: [one, two]", with: "evidence: {quote: one}")
        #expect(Self.read(mapping).diagnostics.hasErrors)
    }

    /// One note per quote, about the item, under the item's effective marking.
    @Test func stix21WritesEachQuoteAsANoteWithItsItemsMarking() throws {
        let report = try HandBuiltReports.everything()
        let bundle = try #require(
            try JSONSerialization.jsonObject(with: Data(STIX21WriterTests.bundle(report))) as? [String: Any])
        let objects = bundle["objects"] as? [[String: Any]] ?? []
        let byID = Dictionary(objects.map { ($0["id"] as? String ?? "", $0) }) { first, _ in first }
        let notes = objects.filter { $0["type"] as? String == "note" }
        let quotes = report.evidencedItems.flatMap(\.evidence)
        #expect(notes.compactMap { $0["content"] as? String }.sorted() == quotes.sorted())
        for note in notes {
            #expect(note["abstract"] as? String == "Evidence")
            let refs = note["object_refs"] as? [String] ?? []
            let subject = try #require(refs.count == 1 ? byID[refs[0]] : nil, "\(note)")
            #expect(note["object_marking_refs"] as? [String] == subject["object_marking_refs"] as? [String])
        }
        let reportObject = try #require(objects.first { $0["type"] as? String == "report" })
        let listed = Set(reportObject["object_refs"] as? [String] ?? [])
        #expect(notes.allSatisfy { listed.contains($0["id"] as? String ?? "") })
    }

    @Test func stix21AndReportXMLReadTheQuotesBack() throws {
        let report = try HandBuiltReports.everything()
        #expect(try STIX21ReaderTests.roundTrip(report).evidencedItems == report.evidencedItems)
        var sink = MemorySink()
        _ = try ReportXMLWriter().write(ReleasedReport(everythingIn: report), options: .default, to: &sink)
        #expect(sink.string.contains("<evidence>“China’s spy network” &amp; &lt;more&gt;</evidence>"))
        let back = try #require(ReportXMLReader.read(sink.bytes, file: "r.xml").report)
        #expect(back.evidencedItems == report.evidencedItems)
    }

    @Test func mispCarriesTheQuotesInComments() throws {
        let report = try HandBuiltReports.everything()
        let output = try Self.misp(report).output
        for quote in report.evidencedItems.flatMap(\.evidence) {
            let json = CanonicalJSON.string(.string(quote)).trimmingCharacters(in: .newlines)
            #expect(output.contains(String(json.dropFirst().dropLast())), "\(quote)")
        }
        #expect(output.contains("Evidence: \\\"late last year\\\""))
        // A link held as a galaxy tag or a sponsor name has no comment (the scenario's sponsorships of threat
        // actors by China are cluster meta): it is also a link attribute, which carries its quotes.
        let scenario = try Self.misp(SampleScenario.report())
        for quote in try SampleScenario.report().evidencedItems.flatMap(\.evidence) {
            let json = CanonicalJSON.string(.string(quote)).trimmingCharacters(in: .newlines)
            #expect(scenario.output.contains(String(json.dropFirst().dropLast())), "\(quote)")
        }
        #expect(scenario.summary.notCarried.keys.allSatisfy { !$0.contains("evidence") })
    }

    static func misp(_ report: ThreatReport) throws -> (output: String, summary: ExportSummary) {
        var sink: any ByteSink = MemorySink()
        let summary = try FormatDescriptor.misp.writer!.write(ReleasedReport(everythingIn: report), options: .default, to: &sink)
        return ((sink as? MemorySink)?.string ?? "", summary)
    }

    /// A quote leaves only with its item, and is scanned for withheld names like the item's description.
    @Test func aQuoteIsSharedAndScannedLikeItsItem() throws {
        var report = try SampleScenario.report()
        let assessment = try #require(report.actors.first { $0.id == "china-cyber-operators" })
        let vietnam = try Recipient.resolve("VNM", in: report)
        let view = try SharingPolicy().view(report, for: vietnam).view
        for (format, output) in try FormatOutputs.all(view) {
            for quote in assessment.evidence { #expect(!output.contains(quote), "\(format) carries a withheld quote") }
        }
        let usa = try #require(report.actors.firstIndex { $0.id == "usa" })
        report.actors[usa].evidence = ["As for the Chinese cyber operators, nothing."]
        #expect {
            try SharingPolicy().view(report, for: vietnam)
        } throws: { error in
            (error as? ExportError)?.diagnostics.map(\.message) == [
                "actors['usa'].evidence[0] names 'Chinese cyber operators' (china-cyber-operators), which the recipient does not receive"
            ]
        }
        let redacted = try SharingPolicy(redactsWithheldNames: true).view(report, for: vietnam).view.report
        #expect(redacted.actors.first { $0.id == "usa" }?.evidence == ["As for the [withheld], nothing."])
    }
}
