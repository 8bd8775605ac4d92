import Export
import ExportDevSupport
import ExportTestSupport
import Foundation
import Testing

/// Report XML past the streaming threshold (8 MB): keys and keyrefs are checked by exportctl's own pass, not by
/// libxml2, and must give xmllint's verdict, line and words.
struct StreamingReportXMLTests {
    /// A generated report of about 8.5 MB, written once for the three tests.
    private static let valid: Result<String, any Error> = Result {
        var sink = MemorySink()
        let report = CorpusGenerator(objects: 36_000, seed: 1).report()
        _ = try ReportXMLWriter().write(ReleasedReport(everythingIn: report), options: .init(validates: false), to: &sink)
        return sink.string
    }

    private static let schema = RepositoryPaths.schemas.appendingPathComponent("threat-report.xsd").path

    /// Writes `text`, runs `exportctl validate` and xmllint on it.
    private func validate(_ text: String, name: String) throws -> (ours: ProcessResult, xmllint: ProcessResult) {
        let directory = try RepositoryPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int)
        #expect(size > 8 << 20, "must take the streaming path")
        let ours = try ExportCtlRunner.run(["validate", name], currentDirectory: directory)
        let xmllint = try Oracle.runSystemTool("xmllint", ["--noout", "--nonet", "--schema", Self.schema, file.path])
        return (ours, xmllint)
    }

    /// The 1-based line of the first occurrence of `needle`.
    private func line(of needle: String, in text: String) throws -> Int {
        let range = try #require(text.range(of: needle))
        return text[..<range.lowerBound].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
    }

    /// Both validators fail the file; xmllint names `message` at `line`, and exportctl reports exactly that.
    private func expectOneFinding(
        in text: String, name: String, line: Int, column: Int, xmllintPrefix: String, _ message: String
    ) throws {
        let (ours, xmllint) = try validate(text, name: name)
        #expect(xmllint.status != 0)
        #expect(
            xmllint.errors.contains("\(name):\(line): \(xmllintPrefix)Schemas validity error : \(message)"),
            "\(xmllint.errors.prefix(500))")
        #expect(ours.status == 1)
        let errors = ours.errors.split(separator: "\n").map(String.init).filter { $0.contains(": error: ") }
        #expect(errors == ["\(name):\(line):\(column): error: \(message)"], "\(ours.errors.prefix(500))")
    }

    @Test func generatedReportValidates() throws {
        let (ours, xmllint) = try validate(try Self.valid.get(), name: "valid.xml")
        #expect(xmllint.status == 0, "\(xmllint.errors.prefix(500))")
        #expect(ours.status == 0, "\(ours.errors.prefix(500))")
    }

    @Test func danglingReferenceIsFoundAtItsLine() throws {
        let valid = try Self.valid.get()
        let link = try #require(valid.range(of: "<sponsoredBy ref=\""))
        let end = try #require(valid[link.upperBound...].firstIndex(of: "\""))
        let text = valid.replacingCharacters(in: link.upperBound..<end, with: "nowhere-1")
        let line = try line(of: "<sponsoredBy ref=\"nowhere-1\"", in: text)
        try expectOneFinding(
            in: text, name: "dangling.xml", line: line, column: 7, xmllintPrefix: "",
            "Element '{urn:exportctl:threat-report:1}sponsoredBy': No match found for key-sequence ['nowhere-1'] of keyref '{urn:exportctl:threat-report:1}linkTarget'."
        )
    }

    @Test func duplicateIDIsFoundAtItsLine() throws {
        let valid = try Self.valid.get()
        // A second copy of the first source: one duplicate, nothing else changes.
        let start = try #require(valid.range(of: "    <source id=\""))
        let end = try #require(valid.range(of: "</source>\n", range: start.upperBound..<valid.endIndex))
        let block = String(valid[start.lowerBound..<end.upperBound])
        var text = valid
        text.insert(contentsOf: block, at: end.upperBound)
        let line = try line(of: "<source id=", in: text) + block.split(separator: "\n").count
        let id = try #require(block.split(separator: "\"").dropFirst().first)
        try expectOneFinding(
            in: text, name: "duplicate.xml", line: line, column: 5, xmllintPrefix: "element source: ",
            "Element '{urn:exportctl:threat-report:1}source': Duplicate key-sequence ['\(id)'] in key identity-constraint '{urn:exportctl:threat-report:1}sourceID'."
        )
    }
}
