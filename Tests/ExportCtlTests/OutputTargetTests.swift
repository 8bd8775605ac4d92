import ExportTestSupport
import Foundation
import Testing

/// `-o` replaces only a regular file (or creates one): never a symlink, FIFO, device or folder; it respects the
/// umask and an existing file's mode; and an interrupted run leaves no temporary file behind.
struct OutputTargetTests {
    /// Every command that takes `-o FILE`, in every export format.
    static let commands: [[String]] = [
        ["export", "--format", "stix21"], ["export", "--format", "report-json"], ["export", "--format", "report-xml"],
        ["export", "--format", "stix12"], ["export", "--format", "misp"], ["corpus", "--objects", "1000"],
    ]

    static func run(_ arguments: [String], in folder: URL, umask: String = "022") throws -> ProcessResult {
        let quoted = ([RepositoryPaths.exportctl.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        // The timeout guards the FIFO case: a writer that opened the FIFO would block forever.
        let script = "umask \(umask); cd '\(folder.path)' && exec /usr/bin/timeout 60 \(quoted)"
        return try ProcessRunner.run("/bin/bash", ["-c", script])
    }

    static func kind(_ path: String) -> String {
        var info = stat()
        guard lstat(path, &info) == 0 else { return "missing" }
        switch info.st_mode & S_IFMT {
        case S_IFLNK: return "symlink"
        case S_IFIFO: return "fifo"
        case S_IFCHR: return "device"
        case S_IFDIR: return "folder"
        case S_IFREG: return "file"
        default: return "other"
        }
    }

    static func mode(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & 0o7777 : 0
    }

    @Test(arguments: commands)
    func specialTargetsAreRefusedAndLeftAlone(_ command: [String]) throws {
        let folder = try RepositoryPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("target.txt")
        try Data("keep\n".utf8).write(to: target)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link").path, withDestinationPath: "target.txt")
        #expect(mkfifo(folder.appendingPathComponent("fifo").path, 0o644) == 0)
        for (name, kind) in [("link", "symlink"), ("fifo", "fifo"), ("/dev/null", "device")] {
            let result = try Self.run(command + ["-o", name], in: folder)
            #expect(result.status == 3, "\(command) -o \(name): \(result.errors)")
            #expect(result.errors.contains("exportctl replaces only regular files"), "\(result.errors)")
            let path = name.hasPrefix("/") ? name : folder.appendingPathComponent(name).path
            #expect(Self.kind(path) == kind, "\(command) -o \(name) is now a \(Self.kind(path))")
        }
        #expect(try String(contentsOf: target, encoding: .utf8) == "keep\n", "the symlink's target is untouched")
        #expect(Self.mode(folder.appendingPathComponent("fifo").path) == 0o644)
        #expect(Self.mode(target.path) == 0o644 || Self.mode(target.path) == 0o600)
        if command[0] == "export" {
            // For export an existing folder is the documented -o DIR: one file inside it, the folder kept.
            let dir = folder.appendingPathComponent("dir")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: false)
            let result = try Self.run(command + ["-o", "dir"], in: folder)
            #expect(result.status == 0, "\(result.errors)")
            #expect(Self.kind(dir.path) == "folder")
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).map { $0.hasPrefix("all.") } == [true])
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test func corpusRefusesAFolder() throws {
        let folder = try RepositoryPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("dir"), withIntermediateDirectories: false)
        let result = try Self.run(["corpus", "--objects", "1000", "-o", "dir"], in: folder)
        #expect(result.status == 3, "\(result.errors)")
        #expect(Self.kind(folder.appendingPathComponent("dir").path) == "folder")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("dir").path).isEmpty)
    }

    @Test(arguments: commands)
    func devStdoutAndDashWriteToStandardOutput(_ command: [String]) throws {
        let folder = try RepositoryPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["-", "/dev/stdout"] {
            let result = try Self.run(command + ["-o", name], in: folder)
            #expect(result.status == 0, "\(result.errors)")
            #expect(result.stdout.count > 100)
        }
        #expect(Self.kind("/dev/stdout") == "symlink")
    }

    @Test(arguments: commands)
    func modesFollowTheUmaskAndTheExistingFile(_ command: [String]) throws {
        let folder = try RepositoryPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Self.run(command + ["-o", "new.out"], in: folder, umask: "077").status == 0)
        #expect(Self.mode(folder.appendingPathComponent("new.out").path) == 0o600)
        #expect(try Self.run(command + ["-o", "open.out"], in: folder, umask: "002").status == 0)
        #expect(Self.mode(folder.appendingPathComponent("open.out").path) == 0o664)
        let existing = folder.appendingPathComponent("existing.out")
        try Data("old\n".utf8).write(to: existing)
        #expect(chmod(existing.path, 0o640) == 0)
        #expect(try Self.run(command + ["-o", "existing.out"], in: folder, umask: "000").status == 0)
        #expect(Self.mode(existing.path) == 0o640)
        #expect(try Data(contentsOf: existing).count > 100, "replaced with the new content")
    }

    @Test func aLongOutputNameStillGetsATemporaryFile() throws {
        let folder = try RepositoryPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let name = String(repeating: "n", count: 250) + ".json"
        let result = try Self.run(["export", "-o", name], in: folder)
        #expect(result.status == 0, "\(result.errors)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [name])
    }

    @Test(arguments: ["TERM", "INT", "HUP"])
    func signalMidWriteLeavesNoTemporaryFile(_ signal: String) throws {
        let folder = try RepositoryPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let binary = RepositoryPaths.exportctl.path
        #expect(try Self.run(["corpus", "--objects", "40000", "-o", "big.json"], in: folder).status == 0)
        try Data("previous\n".utf8).write(to: folder.appendingPathComponent("out.json"))
        // Job control on, so the background job does not start with SIGINT ignored; kill once the temporary
        // file exists, while the export is still writing it.
        let script = """
            set -m; cd '\(folder.path)'
            '\(binary)' export big.json --format stix21 -o out.json & pid=$!
            for i in $(seq 600); do ls -a | grep -q '^\\.out\\.json\\.tmp-' && break; sleep 0.01; done
            ls -a | grep -q '^\\.out\\.json\\.tmp-' || echo 'NO TEMPORARY FILE SEEN'
            kill -\(signal) $pid; wait $pid; echo "status $?"
            """
        // Foundation's Process starts children with nearly every signal blocked; a shell user's process has none.
        let unblocked = "import os, signal, sys; signal.pthread_sigmask(signal.SIG_SETMASK, []); os.execv('/bin/bash', ['bash', '-c', sys.argv[1]])"
        let result = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", unblocked, script])
        #expect(!result.output.contains("NO TEMPORARY FILE SEEN"), "the export was too quick to interrupt")
        #expect(result.output.contains("status \(128 + signalNumber(signal))"), "killed by the signal: \(result.output)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names.sorted() == ["big.json", "out.json"], "\(names)")
        #expect(try String(contentsOf: folder.appendingPathComponent("out.json"), encoding: .utf8) == "previous\n")
    }

    @Test func aPrivateFileIsNeverReadableByOthersWhileItIsReplaced() throws {
        let folder = try RepositoryPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Self.run(["corpus", "--objects", "40000", "-o", "big.json"], in: folder).status == 0)
        let output = folder.appendingPathComponent("out.json")
        try Data("secret\n".utf8).write(to: output)
        #expect(chmod(output.path, 0o600) == 0)
        let script = """
            umask 022; cd '\(folder.path)'
            '\(RepositoryPaths.exportctl.path)' export big.json --format stix21 -o out.json & pid=$!
            for i in $(seq 600); do t=$(ls -a | grep '^\\.out\\.json\\.tmp-') && break; sleep 0.01; done
            echo "temporary $(stat -c %a "$t")"; wait $pid; echo "status $?"
            """
        let result = try ProcessRunner.run("/bin/bash", ["-c", script])
        #expect(result.output.contains("temporary 600"), "\(result.output)")
        #expect(result.output.contains("status 0"), "\(result.output) \(result.errors)")
        #expect(Self.mode(output.path) == 0o600)
    }

    private func signalNumber(_ name: String) -> Int32 { ["TERM": SIGTERM, "INT": SIGINT, "HUP": SIGHUP][name] ?? 0 }
}
