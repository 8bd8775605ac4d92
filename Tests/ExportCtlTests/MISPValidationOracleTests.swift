import ExportTestSupport
import Foundation
import Testing

/// `exportctl validate` on MISP JSON (issue 21): recognised without `--input-format`, checked against what PyMISP
/// refuses (the oracle is PyMISP itself, `Tests/oracles/misp_validate.py`), our own MISP export clean for both, a
/// static feed checked through its manifest, and a large event walked in bounded memory.
struct MISPValidationOracleTests {
    struct OurReport: Decodable {
        struct File: Decodable {
            struct Finding: Decodable {
                var line: Int
                var message: String
            }
            var file: String
            var format: String?
            var valid: Bool
            var findings: [Finding]
        }
        var files: [File]
    }

    struct OracleLine: Decodable {
        var file: String
        var valid: Bool
        var error: String?
    }

    struct Expected: Decodable {
        struct Stricter: Decodable {
            var file: String
            var reason: String
        }
        var stricter: [Stricter]
    }

    static var broken: URL { RepositoryPaths.fixtures.appendingPathComponent("misp-broken") }

    static func ours(_ files: [String], arguments: [String] = []) throws -> [String: OurReport.File] {
        let result = try ExportCtlRunner.run(["validate", "--report-format", "json"] + arguments + files)
        #expect(result.status == 0 || result.status == 1, "exit \(result.status): \(result.errors)")
        let report = try JSONDecoder().decode(OurReport.self, from: result.stdout)
        return Dictionary(uniqueKeysWithValues: report.files.map { ($0.file, $0) })
    }

    static func pyMISP(_ files: [String]) throws -> [String: OracleLine] {
        let result = try Oracle.runScript("misp_validate.py", files)
        #expect(result.status == 0, "\(result.errors)")
        let lines = try result.output.split(separator: "\n").map { try JSONDecoder().decode(OracleLine.self, from: Data($0.utf8)) }
        return Dictionary(uniqueKeysWithValues: lines.map { ($0.file, $0) })
    }

    @Test func validateAgreesWithPyMISPOnBrokenFilesExceptWhereStricterByDesign() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.broken.path)
            .filter { $0.hasSuffix(".json") && $0 != "EXPECTED.json" }.sorted()
        #expect(names.count >= 20)
        let files = names.map { Self.broken.appendingPathComponent($0).path }
        let ours = try Self.ours(files)
        let theirs = try Self.pyMISP(files)
        var disagreements: Set<String> = []
        for (name, file) in zip(names, files) {
            let our = try #require(ours[file])
            let their = try #require(theirs[file])
            #expect(our.format == "misp", "\(name) recognised as \(our.format ?? "nothing")")
            if !our.valid { #expect(our.findings.allSatisfy { $0.line > 0 }) }
            if our.valid != their.valid {
                disagreements.insert(name)
                // Only ever stricter: a file PyMISP refuses is never valid for exportctl.
                #expect(!our.valid, "\(name): PyMISP refuses it (\(their.error ?? "")), exportctl says valid")
            }
        }
        let data = try Data(contentsOf: Self.broken.appendingPathComponent("EXPECTED.json"))
        let listed = try JSONDecoder().decode(Expected.self, from: data).stricter
        #expect(listed.allSatisfy { !$0.reason.isEmpty })
        #expect(disagreements == Set(listed.map(\.file)), "disagreements: \(disagreements.sorted())")
        #expect(names.contains { ours[Self.broken.appendingPathComponent($0).path]?.valid == true })
    }

    @Test func ourOwnMISPExportAndFeedValidateCleanForBoth() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("misp-own-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for mode in ["per-incident", "per-report"] {
            let output = folder.appendingPathComponent("\(mode).json").path
            let feed = folder.appendingPathComponent("feed-\(mode)").path
            let export = try ExportCtlRunner.run(["export", "--format", "misp", "--misp-events", mode, "--misp-feed", feed, "-o", output])
            #expect(export.status == 0, "\(export.errors)")
            let manifest = feed + "/manifest.json"
            let ours = try Self.ours([output, manifest])
            for file in [output, manifest] {
                #expect(ours[file]?.format == "misp")
                #expect(ours[file]?.valid == true && ours[file]?.findings.isEmpty == true, "\(file): \(ours[file]?.findings.map(\.message) ?? [])")
            }
            let events = try FileManager.default.contentsOfDirectory(atPath: feed)
                .filter { $0 != "manifest.json" && $0.hasSuffix(".json") }.map { feed + "/" + $0 }
            for (file, verdict) in try Self.pyMISP([output] + events) {
                #expect(verdict.valid, "\(file): \(verdict.error ?? "")")
            }
        }
    }

    @Test func aFeedManifestChecksTheEventsBesideIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("misp-feed-\(UUID().uuidString)")
        let feed = folder.appendingPathComponent("feed").path
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try ExportCtlRunner.run(["export", "--format", "misp", "--misp-feed", feed, "-o", folder.appendingPathComponent("o.json").path]).status == 0)
        let manifest = feed + "/manifest.json"
        let events = try FileManager.default.contentsOfDirectory(atPath: feed)
            .filter { $0 != "manifest.json" && $0.hasSuffix(".json") }.sorted()
        // One event file broken, another missing: the first is reported in its own file, the second at the manifest.
        let broken = feed + "/" + events[0]
        let text = try String(contentsOfFile: broken, encoding: .utf8)
        try text.replacingOccurrences(of: #""threat_level_id": "#, with: #""threat_level_id": "9", "x": "#)
            .write(toFile: broken, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: feed + "/" + events[1])
        let result = try ExportCtlRunner.run(["validate", manifest])
        #expect(result.status == 1)
        #expect(result.errors.contains("\(broken):") && result.errors.contains("'threat_level_id' must be 1–4, not '9'"), "\(result.errors)")
        #expect(result.errors.contains("\(manifest):") && result.errors.contains("cannot be read"), "\(result.errors)")
    }

    /// The manifest, not the user, names the event files: a FIFO there must not block `validate` forever, and a
    /// symbolic link must not be followed (outside attack F1).
    @Test(.timeLimit(.minutes(1)))
    func aFeedEventThatIsAFIFOOrALinkIsRefusedPromptly() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("misp-fifo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = "11111111-1111-1111-1111-111111111111", link = "22222222-2222-2222-2222-222222222222"
        #expect(mkfifo(folder.appendingPathComponent(fifo + ".json").path, 0o600) == 0)
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent(link + ".json").path, withDestinationPath: "/etc/hostname")
        let manifest = folder.appendingPathComponent("manifest.json")
        try Data(#"{"\#(fifo)": {"info": "x", "timestamp": "1"}, "\#(link)": {"info": "y", "timestamp": "1"}}"#.utf8)
            .write(to: manifest)
        let result = try ExportCtlRunner.run(["validate", manifest.path])
        #expect(result.status == 1, "\(result.errors)")
        for uuid in [fifo, link] {
            #expect(result.errors.contains("\(manifest.path):1:") && result.errors.contains("lists \(uuid), but"), "\(result.errors)")
        }
        #expect(result.errors.components(separatedBy: "not a regular file").count == 3, "\(result.errors)")
    }

    /// The issue's bound: a 100 MB static feed validates in under 200 MB. Peak resident memory is read from the
    /// kernel (`ru_maxrss` of the one child a small Python wrapper waits for), not from `ulimit -v`, which made a
    /// debug build spend most of its time in the kernel.
    @Test func aHundredMegabyteFeedValidatesUnderTwoHundredMegabytes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("misp-big-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let events = 4, attributes = 100_000  // 4 × ~26 MB
        var manifest: [String] = []
        for event in 0..<events {
            let uuid = "5b0c3b5e-9f1e-4a8a-9d0e-00000000000\(event)"
            manifest.append(#""\#(uuid)": {"info": "big \#(event)", "timestamp": "1715680000"}"#)
            // The last attribute of the last event has a type MISP does not know: the one error to find.
            try Self.writeEvent(uuid: uuid, attributes: attributes, badLast: event == events - 1,
                                to: folder.appendingPathComponent(uuid + ".json"))
        }
        try Data(("{" + manifest.joined(separator: ", ") + "}\n").utf8).write(to: folder.appendingPathComponent("manifest.json"))
        let sizes = try FileManager.default.contentsOfDirectory(atPath: folder.path).map {
            try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent($0).path)[.size] as? Int ?? 0
        }
        #expect(sizes.reduce(0, +) > 100_000_000)
        let wrapper = """
            import resource, subprocess, sys
            status = subprocess.run(sys.argv[1:], timeout=600).returncode
            print(status, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
            """
        let result = try ProcessRunner.run(
            "/usr/bin/env", ["python3", "-c", wrapper, RepositoryPaths.exportctl.path, "validate", "manifest.json"],
            currentDirectory: folder)
        let measured = result.output.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        #expect(measured.count == 2 && measured[0] == 1, "\(result.output) \(result.errors.prefix(500))")
        #expect(measured.count == 2 && measured[1] < 200 * 1024, "peak RSS \(measured.last ?? -1) KiB")
        let lines = result.errors.split(separator: "\n").filter { $0.contains(": error: ") }
        let last = "5b0c3b5e-9f1e-4a8a-9d0e-00000000000\(events - 1).json:\(attributes + 1):"
        #expect(lines.count == 1 && lines.first?.contains(last) == true, "\(result.errors.prefix(500))")
    }

    /// One MISP event with `attributes` attributes, one per line after the opening line, written 1 MB at a time.
    private static func writeEvent(uuid: String, attributes: Int, badLast: Bool, to file: URL) throws {
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        try handle.write(contentsOf: Data(#"{"Event": {"uuid": "\#(uuid)", "info": "big", "Attribute": ["#.utf8 + [10]))
        var chunk = ""
        for index in 0..<attributes {
            let hex = String(index, radix: 16)
            let attributeUUID = "5b0c3b5e-9f1e-4a8a-9d0e-" + String(repeating: "0", count: 12 - hex.count) + hex
            let type = badLast && index == attributes - 1 ? "domainname" : "domain"
            chunk += #"{"uuid": "\#(attributeUUID)", "type": "\#(type)", "category": "Network activity", "value": "host-\#(index).example.net", "to_ids": true, "distribution": "5", "timestamp": "1715680000", "comment": "padding padding padding padding padding padding"}"#
            chunk += index == attributes - 1 ? "\n" : ",\n"
            if chunk.utf8.count > 1 << 20 {
                try handle.write(contentsOf: Data(chunk.utf8))
                chunk = ""
            }
        }
        try handle.write(contentsOf: Data((chunk + "]}}\n").utf8))
    }
}
