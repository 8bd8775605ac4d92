import ExportTestSupport
import Foundation
import Testing

/// `exportctl sample`: the default, a named sample, the list, and a name it does not know.
struct SampleCommandTests {
    @Test func listsEverySampleAndMarksTheDefault() throws {
        let result = try ExportCtlRunner.run(["sample", "--list"])
        #expect(result.status == 0 && result.errors.isEmpty, "\(result.errors)")
        let lines = result.output.split(separator: "\n")
        #expect(lines.map { $0.split(separator: " ").first.map(String.init) } == ["indo-pacific-2023", "volt-typhoon-2023"])
        #expect(lines[0].hasSuffix("(default)") && !lines[1].hasSuffix("(default)"))
    }

    @Test func printsANamedSampleThatExportReadsFromStandardInput() throws {
        let file = RepositoryPaths.root.appendingPathComponent("Scenario/volt-typhoon-2023.yaml")
        let sample = try ExportCtlRunner.run(["sample", "volt-typhoon-2023"])
        #expect(sample.status == 0)
        #expect(sample.stdout == (try Data(contentsOf: file)), "prints the file as the repository holds it")
        #expect(try ExportCtlRunner.run(["sample"]).output.contains("format_version"), "the default still prints")
        let exported = try ExportCtlRunner.run(["export", "-", "--for", "JPN"], input: sample.stdout)
        #expect(exported.status == 0, "\(exported.errors)")
        #expect(exported.output.contains("\"type\": \"indicator\"") || exported.output.contains("\"type\":\"indicator\""))
        #expect(!exported.output.contains("203.0.113.77"), "the Five Eyes finding stays out of Japan's bundle")
    }

    @Test func anUnknownNameIsAUsageErrorListingTheNames() throws {
        let result = try ExportCtlRunner.run(["sample", "volt-typhon-2023"])
        #expect(result.status == 2)
        #expect(result.output.isEmpty)
        #expect(result.errors.hasPrefix("exportctl: error:"))
        #expect(result.errors.contains("'indo-pacific-2023'") && result.errors.contains("'volt-typhoon-2023'"))
        #expect(try ExportCtlRunner.run(["sample", "--list", "indo-pacific-2023"]).status == 2)
    }
}
