import Export
import ExportTestSupport
import Foundation
import Testing

/// Progress goes to a terminal only; `EXPORTCTL_PROGRESS` overrides that both ways.
struct ProgressCommandTests {
    static let erase = "\r\u{1B}[K"

    static func largeReport(in folder: URL) throws -> String {
        var generator = ReportGenerator(seed: 11)
        let path = folder.appendingPathComponent("large.json").path
        try Data(CanonicalJSON.bytes(try generator.report(size: 600).authoringJSON())).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func run(_ arguments: [String], progress: String?) throws -> ProcessResult {
        var environment = ProcessInfo.processInfo.environment
        environment["EXPORTCTL_PROGRESS"] = progress
        return try ProcessRunner.run(RepositoryPaths.exportctl.path, arguments, environment: environment)
    }

    @Test func exportAndValidateDrawAndClearTheLineWhenAsked() throws {
        let folder = try RepositoryPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try Self.largeReport(in: folder)
        let bundle = folder.appendingPathComponent("bundle.json").path
        let export = try Self.run(["export", input, "-o", bundle], progress: "always")
        #expect(export.status == 0, "\(export.errors)")
        #expect(export.errors.contains(Self.erase + "exportctl: writing stix21: "))
        #expect(export.errors.contains(" objects ("))
        #expect(export.errors.hasSuffix(Self.erase), "the line is cleared before exit")
        let validate = try Self.run(["validate", bundle], progress: "always")
        #expect(validate.status == 0, "\(validate.errors)")
        #expect(validate.errors.contains(Self.erase + "exportctl: validating: "))
        #expect(validate.errors.hasSuffix(Self.erase))
    }

    @Test func pipesGetCleanLogs() throws {
        let folder = try RepositoryPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try Self.largeReport(in: folder)
        let bundle = folder.appendingPathComponent("bundle.json").path
        for progress in [nil, "never"] {
            let export = try Self.run(["export", input, "-o", bundle], progress: progress)
            #expect(export.status == 0)
            #expect(!export.errors.contains("\r"), "standard error is a pipe here: no progress")
            let validate = try Self.run(["validate", bundle], progress: progress)
            #expect(validate.status == 0 && validate.errors.isEmpty, "\(validate.errors)")
        }
    }
}
