import ExportTestSupport
import Foundation
import Testing

/// `exportctl validate` recognises STIX 2.1 bundles; warnings fail only with --strict.
struct STIX21ValidateCommandTests {
    static func write(_ text: String) throws -> String {
        let folder = try RepositoryPaths.makeTemporaryDirectory()
        let url = folder.appendingPathComponent("bundle.json")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func ownExportIsValidEvenStrictly() throws {
        let path = try Self.write(try ExportCtlRunner.run(["export"]).output)
        let result = try ExportCtlRunner.run(["validate", "--strict", path])
        #expect(result.status == 0, "\(result.errors)")
    }

    @Test func warningsFailOnlyWithStrictAndErrorsAlways() throws {
        let warned = try Self.write("""
            {"type": "identity", "spec_version": "2.1", "id": "identity--5f2c9d4e-7a1b-4c3d-8e9f-0a1b2c3d4e5f",
             "created": "2023-11-15T00:00:00.000Z", "modified": "2023-11-15T00:00:00.000Z", "name": "X",
             "sectors": ["space"]}
            """)
        #expect(try ExportCtlRunner.run(["validate", warned]).status == 0)
        let strict = try ExportCtlRunner.run(["validate", "--strict", warned])
        #expect(strict.status == 1)
        #expect(strict.errors.contains("error: 'space' is not in the STIX 2.1 vocabulary for 'sectors'"), "--strict reports warnings as errors")
        let broken = try Self.write("""
            {"type": "bundle", "id": "bundle--8a0d3b7e-5c4f-4a51-9c1e-0d6b2f3a4e5c", "objects": [
              {"type": "identity", "spec_version": "2.1", "id": "identity--5f2c9d4e-7a1b-4c3d-8e9f-0a1b2c3d4e5f",
               "created": "2023-11-15T00:00:00Z", "modified": "2023-11-15T00:00:00.000Z", "name": "X"}]}
            """)
        let result = try ExportCtlRunner.run(["validate", broken])
        #expect(result.status == 1)
        #expect(result.errors.contains("bundle.json:3:15: error: 'created' 2023-11-15T00:00:00Z must be precise to the millisecond"))
    }
}
