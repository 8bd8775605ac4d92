import ExportTestSupport
import Foundation
import Testing

/// `exportctl plan` and `export --for` end to end on the built binary.
struct PlanCommandTests {
    @Test func planListsWhatGoesAndWhatIsWithheldWithTheRule() throws {
        let result = try ExportCtlRunner.run(["plan", "--for", "vn"])
        #expect(result.status == 0, "\(result.errors)")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.first == "Plan for VNM (--for vn)")
        #expect(lines.contains("Receives: 43"), "42 objects and sources, and the report's narrative")
        #expect(lines.contains("Withheld: 9"))
        #expect(lines.contains { $0.contains("us-vietnam") && $0.contains("releasable to us-vietnam, whose certain members on 2023-11-15 include vietnam") })
        #expect(lines.contains { $0.contains("himalaya-incursion") && $0.contains("VNM is not among them") })
    }

    @Test func planWithoutRecipientIsAUsageError() throws {
        #expect(try ExportCtlRunner.run(["plan"]).status == 2)
        #expect(try ExportCtlRunner.run(["plan", "--for", "atlantis"]).status == 2)
    }

    @Test func planReportsFreeTextHitsAndExportRefusesThem() throws {
        let sample = try ExportCtlRunner.run(["sample"]).output
        let leaky = sample.replacingOccurrences(
            of: "description: A think tank in Washington.",
            with: "description: A think tank in Washington that studied the Chinese maritime militia.")
        #expect(leaky != sample)
        let plan = try ExportCtlRunner.run(["plan", "-", "--for", "GBR"], input: Data(leaky.utf8))
        #expect(plan.status == 1)
        #expect(plan.output.contains("names 'Chinese maritime militia' (china-maritime-militia)"))
        let folder = try RepositoryPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let refused = try ExportCtlRunner.run(
            ["export", "-", "--format", "report-json", "--for", "GBR", "--for", "IND", "-o", folder.path + "/"], input: Data(leaky.utf8))
        #expect(refused.status == 1)
        #expect(refused.errors.contains("error: actors['csis'].description names 'Chinese maritime militia'"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "nothing written for anyone")
        let redacted = try ExportCtlRunner.run(
            ["export", "-", "--format", "report-json", "--for", "GBR", "--redact"], input: Data(leaky.utf8))
        #expect(redacted.status == 0)
        #expect(redacted.output.contains("A think tank in Washington that studied the [withheld]."))
    }

    @Test func forMembersWritesOneFilePerCertainMember() throws {
        let folder = try RepositoryPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try ExportCtlRunner.run(["export", "--format", "report-json", "--for-members", "us-japan-philippines", "-o", folder.path])
        #expect(result.status == 0, "\(result.errors)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["JPN.json", "USA.json"])
        let file = try ExportCtlRunner.run(["export", "--for", "IND", "--for", "GBR", "-o", folder.appendingPathComponent("x.json").path])
        #expect(file.status == 2)
    }

    @Test func lintWarnsAboutItemsThatReachNobody() throws {
        let text = "format_version: \"1.0\"\ntitle: T\npublished: 2023-11-15\nproducer: {id: p, name: P}\nactors:\n  - {id: a, name: A, kind: state}\n"
        let result = try ExportCtlRunner.run(["lint", "-"], input: Data(text.utf8))
        #expect(result.status == 0)
        #expect(result.errors.contains("<stdin>:6:5: warning: no marking and no default_marking: this goes to no recipient of a --for export"))
    }
}
