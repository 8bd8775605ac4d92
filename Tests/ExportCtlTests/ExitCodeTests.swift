import ExportTestSupport
import Foundation
import Testing

/// One test per exit code, on the built binary: 0 ok, 1 findings, 2 usage, 3 input/output.
struct ExitCodeTests {
    @Test(arguments: [["--help"], ["--version"], ["export", "--help"], ["lint"], ["sample"], ["export", "--format", "report-json"]])
    func successExitsZero(_ arguments: [String]) throws {
        let result = try ExportCtlRunner.run(arguments)
        #expect(result.status == 0, "\(result.errors)")
        #expect(!result.stdout.isEmpty || arguments == ["lint"])
        #expect(!result.errors.contains("Fatal error"))
    }

    @Test func findingsExitOne() throws {
        let result = try ExportCtlRunner.run(["lint", "-"], input: Data("title: x\nbogus: 1\n".utf8))
        #expect(result.status == 1)
        let lines = result.errors.split(separator: "\n").map(String.init)
        #expect(lines.first == "<stdin>:1:1: error: the report is missing required key 'format_version'")
        #expect(lines.contains("<stdin>:2:1: error: unknown key 'bogus' in the report"))
        #expect(lines.contains { $0.hasPrefix("  hint: ") })
    }

    @Test(arguments: [["export", "--format", "nope"], ["frobnicate"], ["export", "--no-such-flag"], ["lint", "--format"]])
    func usageErrorsExitTwo(_ arguments: [String]) throws {
        let result = try ExportCtlRunner.run(arguments)
        #expect(result.status == 2, "\(result.errors)")
        #expect(result.stdout.isEmpty)
        #expect(!result.errors.isEmpty)
    }

    /// An empty path (an unset shell variable) is a usage error naming the option, never standard output, the
    /// current folder or a run without schemas; nothing is written.
    @Test(arguments: [
        ["export", "-o", ""], ["export", "--format", "misp", "--misp-feed", ""], ["export", "--format", "stix12", "--stix12-schemas", ""],
        ["validate", "--schema", "", "x.xml"], ["validate", ""], ["plan", ""], ["lint", ""], ["export", ""],
        ["corpus", "--objects", "100", "-o", ""],
    ])
    func anEmptyPathIsAUsageError(_ arguments: [String]) throws {
        let result = try ExportCtlRunner.run(arguments)
        #expect(result.status == 2, "\(result.errors)")
        #expect(result.stdout.isEmpty)
        #expect(result.errors.contains("an empty path names no file or folder"), "\(result.errors)")
    }

    @Test func unreadableInputExitsThree() throws {
        let missing = try ExportCtlRunner.run(["lint", "/nonexistent/report.yaml"])
        #expect(missing.status == 3)
        #expect(missing.errors.contains("/nonexistent/report.yaml: cannot read: No such file or directory"))
        let directory = try ExportCtlRunner.run(["export", "/tmp"])
        #expect(directory.status == 3)
        #expect(directory.errors.contains("is a directory"))
    }

    @Test func unwritableDestinationExitsThreeAndLeavesNothing() throws {
        let result = try ExportCtlRunner.run(["export", "--format", "report-json", "-o", "/nonexistent/dir/out.json"])
        #expect(result.status == 3)
        #expect(result.errors.contains("/nonexistent/dir/out.json: cannot create a file there"))
        #expect(!FileManager.default.fileExists(atPath: "/nonexistent/dir/out.json"))
    }
}
