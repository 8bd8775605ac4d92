import ExportTestSupport
import Foundation
import Testing

/// `exportctl export` end to end: atomic output, stdin, and reading back its own report-json.
struct ExportCommandTests {
    @Test func reportJSONReadsBackToTheSameBytes() throws {
        let folder = try RepositoryPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("a.json").path
        let second = folder.appendingPathComponent("b.json").path
        #expect(try ExportCtlRunner.run(["export", "--format", "report-json", "-o", first]).status == 0)
        #expect(try ExportCtlRunner.run(["export", first, "--format", "report-json", "-o", second]).status == 0)
        #expect(FileManager.default.contentsEqual(atPath: first, andPath: second))
        let lint = try ExportCtlRunner.run(["lint", first])
        #expect(lint.status == 0 && lint.errors.isEmpty, "\(lint.errors)")
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(entries.sorted() == ["a.json", "b.json"], "no temporary files left behind")
    }

    @Test func invalidInputWritesNothingAndKeepsThePreviousFile() throws {
        let folder = try RepositoryPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out.json")
        try Data("previous".utf8).write(to: output)
        let result = try ExportCtlRunner.run(
            ["export", "-", "--format", "report-json", "-o", output.path], input: Data("title: [\n".utf8))
        #expect(result.status == 1)
        #expect(result.errors.contains("<stdin>:"))
        #expect(try String(contentsOf: output, encoding: .utf8) == "previous")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.json"])
    }

    @Test func sampleReadsBackFromStandardInput() throws {
        let sample = try ExportCtlRunner.run(["sample"])
        let fromStdin = try ExportCtlRunner.run(["export", "-", "--format", "report-json"], input: sample.stdout)
        let builtIn = try ExportCtlRunner.run(["export", "--format", "report-json"])
        #expect(fromStdin.status == 0)
        #expect(fromStdin.stdout == builtIn.stdout)
    }

    @Test func noStackTraceOnHostileInput() throws {
        for input in [Data([0xFF, 0xFE, 0x00]), Data(repeating: 0x5B, count: 100_000), Data("a: &x [*x]\n".utf8)] {
            let result = try ExportCtlRunner.run(["lint", "-"], input: input)
            #expect(result.status == 1)
            #expect(!result.errors.contains("Fatal error") && !result.errors.contains("Stack dump"))
            #expect(result.errors.hasPrefix("<stdin>:1:"))
        }
    }
}
