import ExportTestSupport
import Foundation
import Testing

/// Output that cannot be written (closed descriptor, full device, reader gone) is exit 3 for every command, and
/// control characters from the input never reach a terminal or a report raw.
struct OutputChannelTests {
    /// Every way of running a command whose output goes to standard output.
    static let standardOutputCommands: [String] = [
        "plan --for IND", "sample", "export", "export --format stix12", "export -o /dev/stdout", "corpus --objects 1000",
        "validate \(RepositoryPaths.root.path)/README.md --input-format authoring --report-format json",
        "validate \(RepositoryPaths.root.path)/README.md --input-format authoring --report-format junit",
        "--version", "--help", "export --help",
    ]

    static func shell(_ script: String, input: Data? = nil) throws -> ProcessResult {
        try ProcessRunner.run("/bin/bash", ["-c", "set -o pipefail; " + script], input: input)
    }

    static var binary: String { "'\(RepositoryPaths.exportctl.path)'" }

    @Test(arguments: standardOutputCommands)
    func unwritableStandardOutputExitsThree(_ command: String) throws {
        for redirect in [">&-", "> /dev/full"] {
            let result = try Self.shell("\(Self.binary) \(command) \(redirect)")
            #expect(result.status == 3, "\(command) \(redirect): \(result.errors)")
            #expect(result.errors.contains("<stdout>: cannot write"), "\(command) \(redirect): \(result.errors)")
        }
        // The reader is gone before the first byte is written.
        let piped = try Self.shell("(sleep 0.3; exec \(Self.binary) \(command)) | true")
        #expect(piped.status == 3, "\(command) into a closed pipe: \(piped.errors)")
    }

    @Test func unwritableStandardErrorIsExitThreeWhenFindingsAreTheOutput() throws {
        let bad = try Self.fileWithControlCharacters()
        defer { try? FileManager.default.removeItem(at: bad.deletingLastPathComponent()) }
        for redirect in ["2>&-", "2> /dev/full"] {
            #expect(try Self.shell("\(Self.binary) lint '\(bad.path)' \(redirect)").status == 3, "\(redirect)")
            #expect(try Self.shell("\(Self.binary) validate '\(bad.path)' \(redirect)").status == 3, "\(redirect)")
        }
        #expect(try Self.shell("\(Self.binary) lint 2>&-").status == 0, "nothing to say, nothing lost")
    }

    /// An authoring file whose unknown key holds ESC/OSC/CSI sequences, BEL, CR, DEL and the C1 CSI.
    static func fileWithControlCharacters() throws -> URL {
        let folder = try RepositoryPaths.makeTemporaryDirectory()
        let file = folder.appendingPathComponent("bad.yaml")
        // YAML escapes in a double-quoted key: the reader refuses these characters raw, but not escaped.
        let key = #"bad\e]0;pwned\a\e[2J\r\x7f\x9b31m"#
        let text = "format_version: \"1.0\"\ntitle: T\npublished: 2023-11-15\nproducer: {id: p, name: P}\n"
            + "default_marking: {tlp: clear}\n\"\(key)\": 1\n"
        try Data(text.utf8).write(to: file)
        return file
    }

    /// Whether `bytes` hold a control character other than tab and line feed, in ASCII or as a UTF-8 C1.
    static func hasRawControl(_ bytes: Data) -> Bool {
        let array = [UInt8](bytes)
        for (index, byte) in array.enumerated() {
            if (byte < 0x20 && byte != 0x09 && byte != 0x0A) || byte == 0x7F { return true }
            if byte == 0xC2, index + 1 < array.count, (0x80...0x9F).contains(array[index + 1]) { return true }
        }
        return false
    }

    @Test func diagnosticsShowControlCharactersEscaped() throws {
        let bad = try Self.fileWithControlCharacters()
        defer { try? FileManager.default.removeItem(at: bad.deletingLastPathComponent()) }
        for command in ["lint", "validate", "export"] {
            let result = try ExportCtlRunner.run([command, bad.path])
            #expect(result.status == 1, "\(command): \(result.errors)")
            #expect(!Self.hasRawControl(result.stderr), "\(command): \(result.errors.debugDescription)")
            #expect(result.errors.contains("bad\\x1b]0;pwned\\x07\\x1b[2J\\x0d\\x7f\\x9b31m"), "\(result.errors)")
        }
    }

    @Test func aQuotedLineFeedCannotForgeAFinding() throws {
        let folder = try RepositoryPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("forge.yaml")
        let yaml = "format_version: \"1.0\"\ntitle: T\npublished: 2023-11-15\nproducer: {id: p, name: P}\n"
            + "default_marking: {tlp: clear}\n" + #""x\nother.yaml:1:1: error: forged": 1"# + "\n"
        try Data(yaml.utf8).write(to: file)
        for format in ["text", "junit"] {
            let result = try ExportCtlRunner.run(["validate", file.path, "--report-format", format])
            let text = format == "text" ? result.errors : result.output
            #expect(result.status == 1, "\(result.errors)")
            #expect(!text.split(separator: "\n").contains { $0.hasPrefix("other.yaml") }, "\(text)")
            #expect(text.contains(#"'x\x0aother.yaml:1:1: error: forged'"#), "\(text)")
        }
    }

    @Test func planShowsControlCharactersEscaped() throws {
        let folder = try RepositoryPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("plan.yaml")
        let yaml = #"""
            format_version: "1.0"
            title: T
            published: 2023-11-15
            producer: {id: p, name: P}
            default_marking: {tlp: clear}
            actors:
              - {id: india, name: "India\e]0;pwned\a\e[2J\x9b", kind: state, country: IN}
            """#
        try Data(yaml.utf8).write(to: file)
        let result = try ExportCtlRunner.run(["plan", file.path, "--for", "IND"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(!Self.hasRawControl(result.stdout), "\(result.output.debugDescription)")
        #expect(result.output.contains("India\\x1b]0;pwned\\x07\\x1b[2J\\x9b"), "\(result.output)")
    }

    @Test func reportsCarryControlCharactersEscaped() throws {
        let bad = try Self.fileWithControlCharacters()
        defer { try? FileManager.default.removeItem(at: bad.deletingLastPathComponent()) }
        for format in ["json", "junit"] {
            let result = try ExportCtlRunner.run(["validate", bad.path, "--report-format", format])
            #expect(result.status == 1, "\(format): \(result.errors)")
            #expect(!Self.hasRawControl(result.stdout), "\(format): \(result.output.debugDescription)")
            #expect(result.output.contains("\\x1b]0;pwned"), "\(format): \(result.output)")
        }
        let junit = try ExportCtlRunner.run(["validate", bad.path, "--report-format", "junit"])
        let folder = bad.deletingLastPathComponent()
        try junit.stdout.write(to: folder.appendingPathComponent("junit.xml"))
        let lint = try ProcessRunner.run("/usr/bin/xmllint", ["--noout", folder.appendingPathComponent("junit.xml").path])
        #expect(lint.status == 0, "xmllint: \(lint.errors)")
        let json = try ExportCtlRunner.run(["validate", bad.path, "--report-format", "json"])
        #expect((try? JSONSerialization.jsonObject(with: json.stdout)) != nil)
    }
}
