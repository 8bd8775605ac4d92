import ExportTestSupport
import Foundation
import Testing

/// Issue 16, items 3 and 4: every input is read once, whatever kind of file it is, so a pipe, `/dev/stdin`, a
/// FIFO and a process substitution get the regular file's verdict; devices and sockets are refused up front.
struct ReadOnceTests {
    /// A folder with a valid bundle of about 680 KB (`valid.json`) and friends.
    static func makeInputs() throws -> URL {
        let folder = try RepositoryPaths.makeTemporaryDirectory()
        let script = """
            set -e
            '\(RepositoryPaths.exportctl.path)' corpus --objects 600 --seed 1 -o corpus.json
            '\(RepositoryPaths.exportctl.path)' export --format stix21 corpus.json -o valid.json
            """
        let made = try ProcessRunner.run("/bin/bash", ["-c", script], currentDirectory: folder)
        #expect(made.status == 0, "\(made.errors)")
        return folder
    }

    /// Runs `exportctl validate` on `file` read each way, under a 20 s guard.
    static func verdicts(_ file: String, in folder: URL) throws -> [String: (status: Int32, errors: [String])] {
        let binary = "/usr/bin/timeout 20 '\(RepositoryPaths.exportctl.path)' validate"
        let ways = [
            "file": "\(binary) \(file)",
            "process substitution": "\(binary) <(cat \(file))",
            "/dev/stdin": "cat \(file) | \(binary) /dev/stdin",
            "standard input": "cat \(file) | \(binary) -",
            "FIFO": "rm -f fifo; mkfifo fifo; (cat \(file) > fifo &); \(binary) fifo",
        ]
        var verdicts: [String: (Int32, [String])] = [:]
        for (way, script) in ways {
            let result = try ProcessRunner.run("/bin/bash", ["-c", script], currentDirectory: folder)
            // The file's name differs by way; the rest of each error line must not.
            let errors = BadInputCatalogueTests.errorLines(result.errors).map { $0.split(separator: ":", maxSplits: 1).last.map(String.init) ?? $0 }
            verdicts[way] = (result.status, errors)
        }
        return verdicts
    }

    @Test func aValidBundleLargerThanTheRecognitionHeadPassesEveryWay() throws {
        let folder = try Self.makeInputs()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (way, verdict) in try Self.verdicts("valid.json", in: folder) {
            #expect(verdict.status == 0, "\(way): \(verdict.errors)")
        }
    }

    /// 64 KB of a broken bundle, then a whole valid one: a second read would start at the valid one.
    @Test func theBytesRecognisedAreTheBytesChecked() throws {
        let folder = try Self.makeInputs()
        defer { try? FileManager.default.removeItem(at: folder) }
        let valid = try Data(contentsOf: folder.appendingPathComponent("valid.json"))
        try (valid.prefix(64 << 10) + valid).write(to: folder.appendingPathComponent("spliced.json"))
        let verdicts = try Self.verdicts("spliced.json", in: folder)
        let file = try #require(verdicts["file"])
        #expect(file.status == 1)
        #expect(!file.errors.isEmpty)
        for (way, verdict) in verdicts {
            #expect(verdict.status == file.status && verdict.errors == file.errors, "\(way): \(verdict.errors)")
        }
    }

    /// Sorted keys put `type` last (`{"id": ..., "objects": [...], "type": "bundle"}`, as exportctl writes);
    /// with the id moved after `objects` too, both deciding keys come after the first 64 KB.
    /// stix2-validator accepts the file.
    @Test func aBundleWhoseTypeComesLastIsRecognised() throws {
        let folder = try Self.makeInputs()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOf: folder.appendingPathComponent("valid.json"), encoding: .utf8)
        #expect(text.hasSuffix("  \"type\": \"bundle\"\n}\n") || text.hasSuffix("  \"type\": \"bundle\"\n}"))
        let id = try #require(text.range(of: #""id": "bundle--[0-9a-f-]+",\s*"#, options: .regularExpression))
        let idMember = text[id].prefix { $0 != "," }
        var reordered = text.replacingCharacters(in: id, with: "")
        let end = try #require(reordered.range(of: "\n}", options: .backwards))
        reordered.replaceSubrange(end, with: ",\n  \(idMember)\n}")
        let path = folder.appendingPathComponent("type-last.json")
        try reordered.write(to: path, atomically: true, encoding: .utf8)
        let oracle = try Oracle.runVenvTool("stix2_validator", [path.path])
        #expect(oracle.status == 0, "\(oracle.output)")
        for (way, verdict) in try Self.verdicts("type-last.json", in: folder) {
            #expect(verdict.status == 0, "\(way): \(verdict.errors)")
        }
        let report = try ExportCtlRunner.run(["validate", "--report-format", "json", path.path])
        #expect(report.output.contains("\"format\": \"stix21\""), "\(report.output)")
    }

    @Test(arguments: ["lint", "export", "plan", "validate"])
    func devicesAreRefusedBeforeAnyRead(_ command: String) throws {
        for device in ["/dev/urandom", "/dev/zero"] {
            let (result, _) = try BadInputCatalogueTests.guarded("\(command) \(device)")
            #expect(result.status == 3, "\(command) \(device): \(result.errors)")
            #expect(BadInputCatalogueTests.errorLines(result.errors) == ["\(device):1:1: error: is a character device, not a file"])
        }
        let (piped, _) = try BadInputCatalogueTests.guarded("\(command) - < /dev/zero")
        #expect(piped.status == 3)
        #expect(BadInputCatalogueTests.errorLines(piped.errors) == ["<stdin>:1:1: error: is a character device, not a file"])
    }

    @Test func socketsAreRefused() throws {
        let folder = try RepositoryPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bind = "import socket; socket.socket(socket.AF_UNIX).bind('sock')"
        _ = try ProcessRunner.run("/usr/bin/python3", ["-c", bind], currentDirectory: folder)
        let result = try ExportCtlRunner.run(["validate", "sock"], currentDirectory: folder)
        #expect(result.status == 3)
        #expect(BadInputCatalogueTests.errorLines(result.errors) == ["sock:1:1: error: is a socket, not a file"])
    }

    /// A pipe is copied within the input limit: refused as soon as it passes it, not read to its end.
    @Test func aPipeIsReadOnlyUpToTheInputLimit() throws {
        let script = "head -c 100000000 /dev/zero | /usr/bin/timeout 20 '\(RepositoryPaths.exportctl.path)' lint --max-input-bytes 1000000 -"
        let result = try ProcessRunner.run("/bin/bash", ["-c", script])
        #expect(result.status == 1, "\(result.errors)")
        #expect(BadInputCatalogueTests.errorLines(result.errors) == ["<stdin>:1:1: error: input is larger than the limit of 1000000 bytes"])
    }
}

extension ReadOnceTests {
    /// Files are validated in parallel: two readers of one pipe would each get part of it.
    @Test func standardInputNamedTwiceIsAUsageError() throws {
        let result = try ExportCtlRunner.run(["validate", "-", "-"], input: Data("{}".utf8))
        #expect(result.status == 2)
        #expect(result.errors.contains("name standard input ('-') at most once"), "\(result.errors)")
    }
}
