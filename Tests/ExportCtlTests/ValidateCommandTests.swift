import Export
import ExportTestSupport
import Foundation
import Testing

/// `exportctl validate` end to end: exit codes, input order, `--schema`, and the JSON and JUnit reports.
struct ValidateCommandTests {
    private let directory: URL

    init() throws {
        directory = try RepositoryPaths.makeTemporaryDirectory()
        let scenario = try ExportCtlRunner.run(["export", "--format", "report-xml", "-o", path("valid.xml")])
        #expect(scenario.status == 0, "\(scenario.errors)")
        let valid = try String(contentsOfFile: path("valid.xml"), encoding: .utf8)
        try write("dangling.xml", valid.replacingOccurrences(of: "<member ref=\"japan\"", with: "<member ref=\"nowhere\""))
        try write("bad-tlp.xml", valid.replacingOccurrences(of: "tlp=\"clear\"", with: "tlp=\"pink\""))
        try write("notes.txt", "just some text\n")
        try write("other.xsd", """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:element name="count" type="xs:positiveInteger"/>
            </xs:schema>
            """)
        try write("count-ok.xml", "<count>3</count>")
        try write("count-bad.xml", "<count>\n-3</count>")
    }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
    private func write(_ name: String, _ text: String) throws { try Data(text.utf8).write(to: URL(fileURLWithPath: path(name))) }
    private func run(_ arguments: [String], input: Data? = nil) throws -> ProcessResult {
        try ExportCtlRunner.run(arguments, input: input, currentDirectory: directory)
    }

    @Test func validFileExitsZeroSilently() throws {
        let result = try run(["validate", "valid.xml"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.errors.isEmpty && result.output.isEmpty)
    }

    @Test func findingsExitOneAsFileLineColumn() throws {
        let result = try run(["validate", "dangling.xml"])
        #expect(result.status == 1)
        let line = try #require(result.errors.split(separator: "\n").first)
        #expect(line.range(of: #"^dangling\.xml:\d+:\d+: error: .*memberTarget"#, options: .regularExpression) != nil, "\(line)")
    }

    @Test func unrecognisedFormatExitsOneAndSaysWhatToPass() throws {
        let result = try run(["validate", "notes.txt"])
        #expect(result.status == 1)
        #expect(result.errors.contains("notes.txt:1:1: error: unrecognised format"))
        #expect(result.errors.contains("--schema") && result.errors.contains("--input-format"))
    }

    @Test(arguments: [["validate"], ["validate", "a.xml", "--schema", "x.xsd", "--input-format", "report-xml"], ["validate", "a.xml", "--input-format", "nope"], ["validate", "a.xml", "--report-format", "yaml"]])
    func usageErrorsExitTwo(_ arguments: [String]) throws {
        #expect(try run(arguments).status == 2)
    }

    @Test func mostSevereExitWinsAndFindingsFollowInputOrder() throws {
        let files = ["bad-tlp.xml", "valid.xml", "missing.xml", "dangling.xml", "notes.txt", "bad-tlp.xml"]
        let result = try run(["validate"] + files)
        #expect(result.status == 3, "an unreadable file (3) outranks findings (1)")
        let order = result.errors.split(separator: "\n").filter { !$0.hasPrefix("  ") }.compactMap { $0.split(separator: ":").first.map(String.init) }
        var collapsed: [String] = []
        for file in order where collapsed.last != file { collapsed.append(file) }
        #expect(collapsed == ["bad-tlp.xml", "missing.xml", "dangling.xml", "notes.txt", "bad-tlp.xml"])
        #expect(try run(["validate", "valid.xml", "dangling.xml"]).status == 1)
    }

    @Test func anyXMLAgainstAnySchema() throws {
        #expect(try run(["validate", "--schema", "other.xsd", "count-ok.xml"]).status == 0)
        let bad = try run(["validate", "--schema", "other.xsd", "count-bad.xml", "count-ok.xml"])
        #expect(bad.status == 1)
        // One finding, one line: the value's newline is shown as a space.
        #expect(bad.errors.hasPrefix("count-bad.xml:1:1: error: Element 'count': ' -3' is not a valid value"), "\(bad.errors)")
        let xmllint = try Oracle.runSystemTool("xmllint", ["--noout", "--nonet", "--schema", path("other.xsd"), path("count-bad.xml")])
        #expect(xmllint.status != 0)
        let broken = try run(["validate", "--schema", "notes.txt", "count-ok.xml"])
        #expect(broken.status == 1, "a schema that does not compile is a finding: \(broken.errors)")
        #expect(try run(["validate", "--schema", "absent.xsd", "count-ok.xml"]).status == 3)
    }

    @Test func standardInputIsValidated() throws {
        let valid = try Data(contentsOf: URL(fileURLWithPath: path("valid.xml")))
        #expect(try run(["validate", "-"], input: valid).status == 0)
        let result = try run(["validate", "-"], input: Data("<r>".utf8))
        #expect(result.status == 1)
    }

    @Test func jsonReportForScripts() throws {
        let result = try run(["validate", "--report-format", "json", "valid.xml", "dangling.xml", "notes.txt"])
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        let files = try #require(object["files"] as? [[String: Any]])
        #expect(files.map { $0["file"] as? String } == ["valid.xml", "dangling.xml", "notes.txt"])
        #expect(files.map { $0["valid"] as? Bool } == [true, false, false])
        #expect(files.map { $0["format"] as? String } == ["report-xml", "report-xml", nil])
        let finding = try #require((files[1]["findings"] as? [[String: Any]])?.first)
        #expect(finding["line"] as? Int ?? 0 > 1)
        #expect((finding["message"] as? String)?.contains("memberTarget") == true)
        #expect(object["valid"] as? Bool == false)
    }

    @Test func junitReportReadsInAJUnitParser() throws {
        let result = try run(["validate", "--report-format", "junit", "valid.xml", "dangling.xml", "missing.xml"])
        #expect(result.status == 3)
        let report = directory.appendingPathComponent("junit.xml")
        try result.stdout.write(to: report)
        let summary = try Oracle.runScript("junit_summary.py", [report.path])
        #expect(summary.status == 0, "\(summary.errors)")
        let object = try #require(try JSONSerialization.jsonObject(with: summary.stdout) as? [String: Any])
        #expect(object["tests"] as? Int == 3)
        #expect(object["failures"] as? Int == 1)
        #expect(object["errors"] as? Int == 1)
        let cases = try #require(object["cases"] as? [[String: Any]])
        #expect(cases.map { $0["name"] as? String } == ["valid.xml", "dangling.xml", "missing.xml"])
        #expect(cases.map { $0["result"] as? String } == ["passed", "failure", "error"])
    }

    @Test func authoringDocumentsAreRecognisedAndLinted() throws {
        let sample = try run(["sample"])
        try sample.stdout.write(to: directory.appendingPathComponent("sample.yaml"))
        try write("broken.yaml", "format_version: \"1.0\"\ntitle: x\n")
        #expect(try run(["validate", "sample.yaml"]).status == 0)
        let result = try run(["validate", "--report-format", "json", "broken.yaml", "sample.yaml"])
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        let files = try #require(object["files"] as? [[String: Any]])
        #expect(files.map { $0["format"] as? String } == ["authoring", "authoring"])
        #expect(files.map { $0["valid"] as? Bool } == [false, true])
    }
}
