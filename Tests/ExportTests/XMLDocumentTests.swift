@testable import Export
import ExportTestSupport
import Foundation
import Testing

/// The hardened parsers' own layers, below the prolog scan that normally refuses a DOCTYPE first.
struct XMLDocumentTests {
    /// UTF-16 hides `<!DOCTYPE` from the byte-level prolog scan, so only the parser's own refusal stands.
    private func utf16(_ text: String) -> [UInt8] {
        [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }

    private func canary() throws -> URL {
        let url = try RepositoryPaths.makeTemporaryDirectory().appendingPathComponent("canary.txt")
        try Data("CANARY-UTF16-SECRET".utf8).write(to: url)
        return url
    }

    @Test func prologScanFindsADoctypeAfterCommentsAndInstructions() {
        let text = "\u{FEFF}<?xml version=\"1.0\"?>\n<!-- <!DOCTYPE in a comment> -->\n<?pi x?>\n  <!DOCTYPE r>\n<r/>"
        #expect(XMLProlog.doctypeLocation(in: Array(text.utf8), file: "f") == SourceLocation(file: "f", line: 4, column: 3))
        #expect(XMLProlog.doctypeLocation(in: Array("<r><!DOCTYPE x></r>".utf8), file: "f") == nil)
    }

    @Test func treeParserRefusesADoctypeTheScanCannotSee() throws {
        let canary = try canary()
        let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"file://\(canary.path)\">]>\n<r>&x;</r>"
        #expect(XMLProlog.doctypeLocation(in: utf16(text), file: "u.xml") == nil)
        let parsed = XMLDocument.parse(utf16(text), file: "u.xml")
        #expect(parsed.document == nil)
        #expect(parsed.diagnostics.contains { $0.message == XMLProlog.doctypeMessage && $0.location?.line == 2 })
        #expect(!parsed.diagnostics.contains { $0.message.contains("CANARY") })
    }

    @Test func streamingReaderRefusesADoctypeTheScanCannotSee() throws {
        let canary = try canary()
        let schema = try ReportXMLSchema.shared()
        let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"file://\(canary.path)\">]>\n<r>&x;</r>"
        let findings = XMLStreamValidator.validate(utf16(text), file: "u.xml", against: schema)
        #expect(findings.contains { $0.message == XMLProlog.doctypeMessage })
        #expect(!findings.contains { $0.message.contains("CANARY") })
    }

    @Test func wellFormednessErrorsAreLocated() {
        let parsed = XMLDocument.parse(Array("<a>\n  <b>\n</a>".utf8), file: "broken.xml")
        #expect(parsed.document == nil)
        #expect(parsed.diagnostics.first?.location == SourceLocation(file: "broken.xml", line: 3, column: 5))
        #expect(parsed.diagnostics.first?.message.contains("mismatch") == true)
    }

    @Test func elementsReadBackWhatTheWriterEscaped() throws {
        let xml = try XMLStreamWriter(indented: false)
        try xml.startElement("a", namespace: "urn:x")
        try xml.attribute("v", "1 < 2 & \"3\"\n")
        try xml.element("b", text: "  <tag> & ]]> ✓ ")
        try xml.endDocument()
        var sink = MemorySink()
        try xml.flush(into: &sink)
        let parsed = XMLDocument.parse(sink.bytes, file: "w.xml")
        let root = try #require(parsed.document?.root)
        #expect(root.namespace == "urn:x")
        #expect(root.attribute("v") == "1 < 2 & \"3\"\n")
        #expect(root.childText("b") == "  <tag> & ]]> ✓ ")
        #expect(parsed.diagnostics.isEmpty)
    }
}

extension XMLDocumentTests {
    @Test func controlCharactersAreRefusedByTheWriter() throws {
        var report = try HandBuiltReports.minimal()
        report.description = "bell \u{7} here"
        var sink = MemorySink()
        do {
            _ = try ReportXMLWriter().write(ReleasedReport(everythingIn: report), options: .default, to: &sink)
            Issue.record("U+0007 cannot be written as XML 1.0")
        } catch let error as ExportError {
            #expect(error.code == .invalidInput)
            #expect(error.reason == "<description> contains U+0007, which XML 1.0 cannot carry")
        }
        #expect(sink.bytes.isEmpty)
    }

    @Test func limitFindingsNeverAdviseHuge() {
        let deep = String(repeating: "<a>", count: 300) + String(repeating: "</a>", count: 300)
        let parsed = XMLDocument.parse(Array(deep.utf8), file: "deep.xml")
        #expect(parsed.document == nil)
        let finding = parsed.diagnostics.first
        #expect(finding?.message == "Excessive depth in document: 256")
        #expect(finding?.hint?.contains("256 levels") == true)
    }
}
