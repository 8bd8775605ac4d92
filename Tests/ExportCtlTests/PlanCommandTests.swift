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
        #expect(lines.contains("Receives: 42"), "40 objects, the source, and the report's narrative")
        #expect(lines.contains("Withheld: 6"), "the desk's assessment, three links, two memberships")
        #expect(lines.contains { $0.contains("china-cyber-operators") && $0.contains("releasable to five-eyes; VNM is not among them on 2023-11-15") })
        #expect(lines.contains { $0.contains("himalaya-incursion → usa") && $0.contains("TLP:RED goes only to recipients named directly") })
        let philippines = try ExportCtlRunner.run(["plan", "--for", "PHL"])
        #expect(philippines.output.contains(
            "us-japan-philippines ∋ philippines  Philippines  [own marking: TLP:AMBER, releasable to us-japan-philippines, whose certain members on 2023-11-15 include philippines]"))
    }

    @Test func planWithoutRecipientIsAUsageError() throws {
        #expect(try ExportCtlRunner.run(["plan"]).status == 2)
        #expect(try ExportCtlRunner.run(["plan", "--for", "atlantis"]).status == 2)
    }

    @Test func planReportsFreeTextHitsAndExportRefusesThem() throws {
        let sample = try ExportCtlRunner.run(["sample"]).output
        let leaky = sample.replacingOccurrences(
            of: "name: Center for Strategic and International Studies\n    kind: organization\n",
            with: "name: Center for Strategic and International Studies\n    kind: organization\n"
                + "    description: A think tank in Washington that studied the Chinese cyber operators.\n")
        #expect(leaky != sample)
        let plan = try ExportCtlRunner.run(["plan", "-", "--for", "IND"], input: Data(leaky.utf8))
        #expect(plan.status == 1)
        #expect(plan.output.contains("names 'Chinese cyber operators' (china-cyber-operators)"))
        let folder = try RepositoryPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let refused = try ExportCtlRunner.run(
            ["export", "-", "--format", "report-json", "--for", "GBR", "--for", "IND", "-o", folder.path + "/"], input: Data(leaky.utf8))
        #expect(refused.status == 1)
        #expect(refused.errors.contains("error: actors['csis'].description names 'Chinese cyber operators'"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "nothing written for anyone")
        let redacted = try ExportCtlRunner.run(
            ["export", "-", "--format", "report-json", "--for", "IND", "--redact"], input: Data(leaky.utf8))
        #expect(redacted.status == 0)
        #expect(redacted.output.contains("A think tank in Washington that studied the [withheld]."))
    }

    @Test func forMembersWritesOneFilePerCertainMember() throws {
        let folder = try RepositoryPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try ExportCtlRunner.run(["export", "--format", "report-json", "--for-members", "us-japan-philippines", "-o", folder.path])
        #expect(result.status == 0, "\(result.errors)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["JPN.json", "PHL.json", "USA.json"])
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
