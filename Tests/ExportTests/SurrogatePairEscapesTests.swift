import Export
import ExportTestSupport
import Foundation
import Testing

/// Issue 16, item 8: JSON spells each character past U+FFFF as a surrogate pair (`"\ud83d\ude00"`), and
/// Python's `json.dumps` does so by default; every JSON reader decodes it, and a lone surrogate stays a located error.
struct SurrogatePairEscapesTests {
    /// A minimal authoring document as Python's `json.dumps` writes it (the oracle of what partners send).
    static func pythonDump(title: String, tlp: String = "clear", indent: Bool = false) throws -> [UInt8] {
        let script = """
            import json, sys
            doc = {"format_version": "1.0", "title": sys.argv[1], "published": "2023-11-15",
                   "producer": {"id": "p", "name": "P"}, "default_marking": {"tlp": sys.argv[2]}}
            sys.stdout.write(json.dumps(doc, indent="\\t" if sys.argv[3] == "1" else None))
            """
        let result = try ProcessRunner.run("/usr/bin/python3", ["-c", script, title, tlp, indent ? "1" : "0"])
        #expect(result.status == 0, "\(result.errors)")
        return Array(result.stdout)
    }

    /// Compact output takes the fast JSON reader; tab-indented output takes libyaml's.
    @Test(arguments: [false, true])
    func pairsDecodeOnBothAuthoringPaths(indented: Bool) throws {
        let bytes = try Self.pythonDump(title: "T 😀 𝄞", indent: indented)
        #expect(String(decoding: bytes, as: UTF8.self).contains(#"\ud83d\ude00"#))
        let result = AuthoringReader.read(bytes, file: "p.json")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.rendered))")
        #expect(result.report?.title == "T 😀 𝄞")
    }

    /// Findings after a pair keep the column the author sees (libyaml reads a rewritten copy).
    @Test(arguments: [false, true])
    func findingsAfterAPairKeepTheirColumn(indented: Bool) throws {
        let bytes = try Self.pythonDump(title: "😀😀", tlp: "clearx", indent: indented)
        let text = String(decoding: bytes, as: UTF8.self)
        let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().first { $0.element.contains("clearx") })
        let column = try #require(line.element.range(of: "\"clearx\"")).lowerBound.utf16Offset(in: line.element) + 1
        let errors = AuthoringReader.read(bytes, file: "p.json").diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.location == SourceLocation(file: "p.json", line: line.offset + 1, column: column))
    }

    @Test(arguments: [#"\ud83d"#, #"\ude00"#, #"\ud83d\u0041"#])
    func aLoneSurrogateIsOneLocatedError(_ escape: String) {
        let text = #"{"format_version": "1.0", "title": "T "# + escape + #"", "published": "2023-11-15"}"#
        let errors = AuthoringReader.read(Array(text.utf8), file: "p.json").diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.location?.line == 1)
        #expect(errors.first?.message.contains("escape") == true, "\(errors.map(\.rendered))")
    }

    @Test func theLocatedJSONReaderDecodesPairs() throws {
        let document = try LocatedJSONReader.read(Array(#"{"name": "a\ud83d\ude00b"}"#.utf8))
        #expect(document.member("name")?.value.string == "a😀b")
    }

    @Test func lintAcceptsPythonsDefaultOutput() throws {
        let result = try ExportCtlRunner.run(["lint", "-"], input: Data(try Self.pythonDump(title: "T 😀")))
        #expect(result.status == 0, "\(result.errors)")
    }
}
