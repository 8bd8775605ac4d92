import ExportTestSupport
import Foundation
import Testing

/// `exportctl export bundle.json`: STIX input is recognised, invalid objects fail the run unless dropped.
struct STIX21ImportCommandTests {
    static let bundle = """
        {"type": "bundle", "id": "bundle--8a0d3b7e-5c4f-4a51-9c1e-0d6b2f3a4e5c", "objects": [
          {"type": "identity", "spec_version": "2.1", "created": "2023-01-01T00:00:00.000Z",
           "modified": "2023-01-01T00:00:00.000Z", "name": "no id"},
          {"type": "identity", "spec_version": "2.1", "id": "identity--6f2c9d4e-7a1b-4c3d-8e9f-0a1b2c3d4e5f",
           "created": "2023-01-01T00:00:00.000Z", "modified": "2023-01-01T00:00:00.000Z", "name": "fine"}]}
        """

    @Test func invalidObjectFailsWithNoOutput() throws {
        let result = try ExportCtlRunner.run(["export", "-", "--format", "report-json"], input: Data(Self.bundle.utf8))
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.errors.contains("<stdin>:2:3: error: identity has no 'id'"))
    }

    @Test func dropInvalidListsAndContinues() throws {
        let result = try ExportCtlRunner.run(
            ["export", "-", "--format", "report-json", "--drop-invalid"], input: Data(Self.bundle.utf8))
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.errors.contains("dropped 1 invalid object(s): (no id, line 2)"))
        #expect(result.output.contains("\"name\": \"fine\""))
    }

    @Test func ownBundleReadsBackToTheSameBundle() throws {
        let folder = try RepositoryPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("a.json").path
        let second = folder.appendingPathComponent("b.json").path
        #expect(try ExportCtlRunner.run(["export", "-o", first]).status == 0)
        let again = try ExportCtlRunner.run(["export", first, "-o", second])
        #expect(again.status == 0, "\(again.errors)")
        #expect(FileManager.default.contentsEqual(atPath: first, andPath: second))
    }
}
