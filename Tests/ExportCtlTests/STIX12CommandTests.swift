import ExportTestSupport
import Foundation
import Testing

/// `exportctl export --format stix12` and `exportctl validate` on STIX 1.2 packages, end to end.
struct STIX12CommandTests {
    /// Runs exportctl with `EXPORTCTL_STIX12_SCHEMAS` set to `schemas`, or removed when `nil`.
    private func run(_ arguments: [String], schemas: String?) throws -> ProcessResult {
        var environment = ProcessInfo.processInfo.environment
        environment["EXPORTCTL_STIX12_SCHEMAS"] = schemas
        return try ProcessRunner.run(RepositoryPaths.exportctl.path, arguments, environment: environment)
    }

    @Test func exportValidatesAndValidateRecognisesThePackage() throws {
        let folder = try RepositoryPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let package = folder.appendingPathComponent("scenario.xml").path
        let schemas = try Oracle.stix12Schemas()
        let export = try run(["export", "--format", "stix12", "--stix12-schemas", schemas, "-o", package], schemas: nil)
        #expect(export.status == 0, "\(export.errors)")
        #expect(!export.errors.contains("not validated"))
        #expect(export.errors.contains("stix12 cannot carry:"))
        #expect(export.errors.contains("  partnership kind: "))
        let byOption = try run(["validate", "--stix12-schemas", schemas, package], schemas: nil)
        #expect(byOption.status == 0, "\(byOption.errors)")
        let byEnvironment = try run(["validate", "--report-format", "json", package], schemas: schemas)
        #expect(byEnvironment.status == 0, "\(byEnvironment.errors)")
        #expect(byEnvironment.output.contains("stix12"))
    }

    @Test func perRecipientExportsValidate() throws {
        let folder = try RepositoryPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let schemas = try Oracle.stix12Schemas()
        let result = try run(
            ["export", "--format", "stix12", "--for", "IND", "--for", "VNM", "--for", "GBR", "-o", folder.path],
            schemas: schemas)
        #expect(result.status == 0, "\(result.errors)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files.count == 3, "\(files)")
        for file in files {
            let path = folder.appendingPathComponent(file).path
            let sdv = try Oracle.runVenvTool("stix-validator", [path])
            #expect(sdv.output.contains("XML Schema: True"), "\(file): \(sdv.output)")
        }
    }

    @Test func missingSchemasSayHowToGetThem() throws {
        let export = try run(["export", "--format", "stix12"], schemas: nil)
        #expect(export.status == 0)
        #expect(export.errors.contains("not validated"))
        #expect(export.errors.contains("pip install stix-validator==3.0.0"))
        let folder = try RepositoryPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let package = folder.appendingPathComponent("p.xml")
        try export.stdout.write(to: package)
        let validate = try run(["validate", package.path], schemas: nil)
        #expect(validate.status != 0)
        #expect(validate.errors.contains("pip install stix-validator==3.0.0"))
        #expect(validate.errors.contains("sdv/resources/xsd/stix_1.2"))
    }

    @Test func invalidPackageIsReportedWithItsLine() throws {
        let folder = try RepositoryPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let schemas = try Oracle.stix12Schemas()
        let export = try run(["export", "--format", "stix12"], schemas: schemas)
        let text = String(decoding: export.stdout, as: UTF8.self).replacingOccurrences(of: "color=\"WHITE\"", with: "color=\"ORANGE\"")
        let package = folder.appendingPathComponent("bad.xml")
        try Data(text.utf8).write(to: package)
        let validate = try run(["validate", package.path], schemas: schemas)
        #expect(validate.status == 1)
        #expect(validate.errors.contains("bad.xml:"))
        #expect(validate.errors.contains("ORANGE"))
    }
}
