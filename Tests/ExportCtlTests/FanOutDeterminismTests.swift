import ExportTestSupport
import Foundation
import Testing

/// `--for-members` builds and writes the views in parallel; what it prints and writes must not depend on which
/// view finishes first. (An outside attack once saw two fan-outs print differently; this is the check.)
struct FanOutDeterminismTests {
    @Test(arguments: ["stix21", "stix12", "misp", "report-xml"])
    func twoFanOutsPrintAndWriteTheSame(format: String) throws {
        let root = try RepositoryPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        var runs: [(stderr: Data, files: [String: Data])] = []
        for run in 0..<3 {
            let folder = root.appendingPathComponent("run\(run)")
            let result = try ExportCtlRunner.run(
                ["export", "--format", format, "--no-validate", "--for-members", "quad", "-o", folder.path + "/"])
            #expect(result.status == 0, "\(result.errors)")
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            let files = try Dictionary(uniqueKeysWithValues: names.map { ($0, try Data(contentsOf: folder.appendingPathComponent($0))) })
            runs.append((result.stderr, files))
        }
        #expect(runs[0].files.keys.sorted() == ["AUS", "IND", "JPN", "USA"].map { $0 + (format == "report-xml" || format == "stix12" ? ".xml" : ".json") })
        for run in runs.dropFirst() {
            #expect(run.stderr == runs[0].stderr, "\(String(decoding: run.stderr, as: UTF8.self))")
            #expect(run.files == runs[0].files)
        }
    }
}
