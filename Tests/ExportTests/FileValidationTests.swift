import Export
import ExportTestSupport
import Foundation
import Testing

/// `exportctl validate` checks several files at once; the results must not depend on that. Also the concurrent
/// code `Scripts/test.sh` runs under ThreadSanitizer: the compiled report XML schema shared by every task.
struct FileValidationTests {
    /// Exports of the scenario in the formats `validate` recognises without outside schemas, and broken files.
    static func files(in folder: URL) throws -> [String] {
        let view = ReleasedReport(everythingIn: try SampleScenario.report())
        var settings = FormatOptions.default
        settings.validatesOutput = false
        var paths: [String] = []
        for name in ["stix21", "report-xml", "report-json"] {
            var sink: any ByteSink = MemorySink()
            _ = try #require(FormatRegistry.named(name)?.writer).write(view, options: settings, to: &sink)
            let bytes = try #require(sink as? MemorySink).bytes
            for copy in 0..<3 {
                let url = folder.appendingPathComponent("\(name)-\(copy).txt")
                // Each copy differs (a broken tail on the last), so a result given to the wrong file shows.
                try Data(copy == 2 ? bytes.dropLast(40) : bytes).write(to: url)
                paths.append(url.path)
            }
        }
        return paths + [folder.appendingPathComponent("missing.json").path, folder.path]
    }

    @Test func resultsComeInTheOrderGivenAndMatchOneAtATime() throws {
        let folder = try RepositoryPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try Self.files(in: folder)
        let together = FileValidation.run(files, with: nil)
        let alone = files.map { FileValidation.validate($0, with: nil) }
        #expect(together == alone)
        #expect(together.map(\.file) == files)
        // Whole exports are valid, the truncated copies are not, and the missing file and the folder are I/O errors.
        #expect(together.map(\.isValid) == [true, true, false, true, true, false, true, true, false, false, false])
        #expect(together.suffix(2).map(\.failure) == [.io, .io])
    }

    @Test func oneSchemaServesManyTasks() throws {
        let folder = try RepositoryPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let xml = try Self.files(in: folder).filter { $0.contains("report-xml") }
        let many = Array(repeating: xml, count: 8).flatMap { $0 }
        let results = FileValidation.run(many, with: FormatDescriptor.reportXML)
        #expect(results.map(\.isValid) == Array(repeating: [true, true, false], count: 8).flatMap { $0 })
    }
}
