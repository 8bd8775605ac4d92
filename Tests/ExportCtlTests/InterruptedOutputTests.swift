import ExportTestSupport
import Foundation
import Testing

/// Output that cannot be completed: a reader gone early, a file-size limit, a killed process.
struct InterruptedOutputTests {
    /// A report large enough that its report-json does not fit in a pipe buffer.
    static func largeReport() throws -> Data {
        var generator = ReportGenerator(seed: 7)
        let report = try generator.report(size: 3000)
        return Data(CanonicalJSONBytes.of(report))
    }

    @Test func standardOutputClosedEarlyExitsThree() throws {
        let input = try Self.largeReport()
        let folder = try RepositoryPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("in.json")
        try input.write(to: file)
        let script = "set -o pipefail; '\(RepositoryPaths.exportctl.path)' export '\(file.path)' --format report-json | head -c 100 > /dev/null"
        let result = try ProcessRunner.run("/bin/bash", ["-c", script])
        #expect(result.status == 3, "\(result.errors)")
        #expect(result.errors.contains("<stdout>: cannot write: Broken pipe"))
    }

    @Test func fileSizeLimitGivesAClearErrorAndNoFile() throws {
        let folder = try RepositoryPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out.json").path
        let script = "ulimit -f 8; exec '\(RepositoryPaths.exportctl.path)' export --format report-json -o '\(output)'"
        let result = try ProcessRunner.run("/bin/bash", ["-c", script])
        #expect(result.status == 3, "\(result.errors)")
        #expect(result.errors.contains("File too large"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "no partial or temporary file")
    }

    @Test func killedExportLeavesThePreviousFile() throws {
        let folder = try RepositoryPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.json")
        try Self.largeReport().write(to: input)
        let output = folder.appendingPathComponent("out.json")
        try Data("previous\n".utf8).write(to: output)
        for delay in ["0.05", "0.2", "0.5"] {
            let script = """
                '\(RepositoryPaths.exportctl.path)' export '\(input.path)' --format report-json -o '\(output.path)' &
                pid=$!; sleep \(delay); kill -KILL $pid 2>/dev/null; wait $pid; true
                """
            _ = try ProcessRunner.run("/bin/bash", ["-c", script])
            let text = try String(contentsOf: output, encoding: .utf8)
            // Either the previous file or a complete new one: never a prefix of the new one.
            #expect(text == "previous\n" || (text.hasPrefix("{") && text.hasSuffix("}\n")), "after \(delay) s: \(text.prefix(40))")
        }
    }
}
