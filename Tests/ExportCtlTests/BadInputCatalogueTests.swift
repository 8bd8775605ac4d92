import ExportTestSupport
import Foundation
import Testing

/// The catalogue of bad input, end to end through the CLI: each gives exit 1, 2 or 3, one located error line,
/// no stack trace, and stays within 20 s and 500 MB.
struct BadInputCatalogueTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let bytes: [UInt8]
        /// The one error line expected, after `<file>:`.
        let error: String
        var testDescription: String { name }
    }

    static let valid = "format_version: \"1.0\"\ntitle: T\npublished: 2023-11-15\nproducer: {id: p, name: P}\ndefault_marking: {tlp: clear}\n"

    static func text(_ string: String) -> [UInt8] { Array(string.utf8) }

    static let cases: [Case] = [
        Case(name: "empty file", bytes: [], error: "1:1: error: the file is empty"),
        Case(name: "binary garbage", bytes: [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00], error: "1:8: error: the file has a NUL byte (binary data?)"),
        Case(name: "invalid UTF-8", bytes: text(valid + "description: caf") + [0xE9, 0x0A], error: "6:17: error: the file has invalid UTF-8 (byte 0xE9)"),
        Case(name: "UTF-16LE", bytes: [0xFF, 0xFE] + text("t").flatMap { [$0, 0] }, error: "1:1: error: the file is UTF-16LE, not UTF-8"),
        Case(name: "UTF-16BE", bytes: [0xFE, 0xFF] + text("t").flatMap { [0, $0] }, error: "1:1: error: the file is UTF-16BE, not UTF-8"),
        Case(name: "UTF-32LE", bytes: [0xFF, 0xFE, 0, 0] + text("t").flatMap { [$0, 0, 0, 0] }, error: "1:1: error: the file is UTF-32LE, not UTF-8"),
        Case(name: "truncated JSON", bytes: text("{\"format_version\": \"1.0\", \"title\": [\"T\""), error: "1:40: error: syntax error: did not find expected ',' or ']' (while parsing a flow sequence at 1:36)"),
        Case(name: "truncated YAML", bytes: text(valid + "description: \"unterminated\n"), error: "7:1: error: syntax error: found unexpected end of stream (while scanning a quoted scalar at 6:14)"),
        Case(name: "10,000-deep nesting", bytes: text(String(repeating: "[", count: 10_000)), error: "error: nesting is deeper than the limit of 128 levels"),
        Case(name: "duplicate keys", bytes: text(valid + "title: U\n"), error: "6:1: error: duplicate key 'title'"),
        Case(name: "billion laughs", bytes: text(valid + "description: &a lol\nactors: [{id: x, name: *a, kind: state}]\n"), error: "6:14: error: YAML anchor '&a' is not allowed in report documents"),
        Case(name: "number out of range", bytes: text(valid + "actors: [{id: a, name: A, kind: state, confidence: 99999999999999999999999}]\n"), error: "6:52: error: 'confidence' must be between 0 and 100, not 99999999999999999999999"),
        Case(name: "huge float", bytes: text(valid + "incidents: [{id: i, title: I, kind: espionage, where: {latitude: 1e999, longitude: 0}}]\n"), error: "6:66: error: 'latitude' must be a number, not a number"),
        Case(name: "impossible date", bytes: text(valid.replacingOccurrences(of: "2023-11-15", with: "2023-02-30")), error: "3:12: error: 'published' is not a valid date: February 2023 has 28 days, not 30"),
    ]

    static func guarded(_ arguments: String, input: Data? = nil) throws -> (result: ProcessResult, maxRSSKB: Int) {
        let script = "exec /usr/bin/timeout 20 /usr/bin/time -f 'MAXRSS %M' '\(RepositoryPaths.exportctl.path)' \(arguments)"
        let result = try ProcessRunner.run("/bin/bash", ["-c", script], input: input)
        let rss = result.errors.split(separator: "\n").last { $0.hasPrefix("MAXRSS ") }.flatMap { Int($0.dropFirst(7)) } ?? -1
        return (result, rss)
    }

    static func errorLines(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter { $0.contains(": error: ") }
    }

    @Test(arguments: cases)
    func badInputGivesOneLocatedError(_ bad: Case) throws {
        let (result, rss) = try Self.guarded("lint -", input: Data(bad.bytes))
        #expect(result.status == 1, "\(result.errors)")
        let errors = Self.errorLines(result.errors)
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.hasPrefix("<stdin>:") == true)
        #expect(errors.first?.hasSuffix(bad.error) == true, "\(errors.first ?? "")")
        #expect(!result.errors.contains("Fatal error") && !result.errors.contains("Stack dump"))
        #expect(rss > 0 && rss < 500_000)
    }

    @Test func byteOrderMarkIsAccepted() throws {
        let (result, _) = try Self.guarded("lint -", input: Data([0xEF, 0xBB, 0xBF] + Self.text(Self.valid)))
        #expect(result.status == 0, "\(result.errors)")
    }

    @Test func aFiveHundredMegabyteStringIsRefusedInBoundedTimeAndMemory() throws {
        let script = "(printf 'title: \"'; head -c 500000000 /dev/zero | tr '\\0' 'a') | /usr/bin/timeout 20 /usr/bin/time -f 'MAXRSS %M' '\(RepositoryPaths.exportctl.path)' lint -"
        let result = try ProcessRunner.run("/bin/bash", ["-c", script])
        let rss = result.errors.split(separator: "\n").last { $0.hasPrefix("MAXRSS ") }.flatMap { Int($0.dropFirst(7)) } ?? -1
        #expect(result.status == 1, "\(result.errors)")
        #expect(Self.errorLines(result.errors) == ["<stdin>:1:9: error: a single value runs past the limit of 16777216 bytes"])
        #expect(rss > 0 && rss < 500_000)
    }

    @Test func filesThatCannotBeReadExitThree() throws {
        let folder = try RepositoryPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = try Self.guarded("lint '\(folder.path)/missing.yaml'").result
        #expect(missing.status == 3)
        #expect(missing.errors.contains("missing.yaml: cannot read: No such file or directory"))
        let directory = try Self.guarded("lint '\(folder.path)'").result
        #expect(directory.status == 3)
        #expect(Self.errorLines(directory.errors) == ["\(folder.path):1:1: error: is a directory, not a file"])
        // Root reads any file, so the unreadable case runs as nobody.
        let secret = folder.appendingPathComponent("secret.yaml")
        try Data(Self.valid.utf8).write(to: secret)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: secret.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        let script = "/usr/bin/setpriv --reuid=nobody --regid=nogroup --clear-groups '\(RepositoryPaths.exportctl.path)' lint '\(secret.path)'"
        let unreadable = try ProcessRunner.run("/bin/bash", ["-c", script])
        #expect(unreadable.status == 3, "\(unreadable.errors)")
        #expect(unreadable.errors.contains("secret.yaml: cannot open: Permission denied"))
    }
}
