import ArgumentParser
import Export
@testable import exportctl
import Testing

/// Argument parsing, in process.
struct CommandParsingTests {
    @Test func exportDefaultsToTheFirstFormat() throws {
        let command = try ExportCtl.parseAsRoot(["export"])
        let export = try #require(command as? ExportCtl.Export)
        #expect(export.file == nil)
        #expect(export.output == nil)
        #expect(export.noValidate == false)
    }

    @Test func exportTakesFileFormatAndOutput() throws {
        let command = try ExportCtl.parseAsRoot(["export", "r.yaml", "--format", "report-json", "-o", "out.json"])
        let export = try #require(command as? ExportCtl.Export)
        #expect(export.file == "r.yaml")
        #expect(export.format.descriptor.name == "report-json")
        #expect(export.output == "out.json")
    }

    @Test func unknownFormatFailsValidation() {
        #expect(throws: (any Error).self) { try ExportCtl.parseAsRoot(["export", "--format", "stix3"]) }
    }

    @Test func lintTakesManyFiles() throws {
        let lint = try #require(try ExportCtl.parseAsRoot(["lint", "a.yaml", "b.json", "-"]) as? ExportCtl.Lint)
        #expect(lint.files == ["a.yaml", "b.json", "-"])
    }
}
