@testable import Export
import ExportTestSupport
import Foundation
import Testing

/// The fast JSON reader for authoring documents against libyaml: wherever it accepts a document it must
/// build the very tree ``YAMLComposer`` builds (same text, same kinds, same lines and columns) while libyaml
/// finds nothing to report, and wherever libyaml would report something it must decline, so every
/// diagnostic still comes from libyaml.
struct JSONComposerTests {
    /// The tree as text: each node with its kind, text and place.
    static func describe(_ node: YAMLNode) -> String {
        let place = "@\(node.line):\(node.column)"
        switch node.content {
        case .scalar(let text, let isPlain): return "\(isPlain ? "plain" : "quoted")(\(text.debugDescription))\(place)"
        case .sequence(let items): return "[\(items.map(describe).joined(separator: ", "))]\(place)"
        case .mapping(let pairs):
            return "{\(pairs.map { "\(describe($0.key)): \(describe($0.value))" }.joined(separator: ", "))}\(place)"
        }
    }

    /// Both readers' trees, and libyaml's diagnostics.
    static func compose(_ text: [UInt8], limits: InputLimits = .default) -> (fast: String?, yaml: String?, diagnostics: [String]) {
        var composer = YAMLComposer(file: "t.json", limits: limits)
        let yaml = composer.compose(text).map(describe)
        return (JSONComposer.compose(text, limits: limits).map(describe), yaml, composer.diagnostics.map(\.rendered))
    }

    static let edgeCases: [String] = [
        #"{"a": "b"}"#,
        #"{"a":"b","c":[1,-2,3.5,1e5,-0.25E-3,0],"d":{"e":true,"f":false,"g":null},"h":[],"i":{}}"#,
        "{\n  \"a\": [\n    \"x\",\n    {\"y\": 1}\n  ],\n  \"b\":\n    \"value on its own line\"\n}\n",
        "{\"ünï\": \"çødé ✓ 😀\", \"after\": [\"é\", \"x\"],\n \"next\": \"ok\"}",
        #"{"esc": "quote \" backslash \\ nl \n tab \t cr \r bs \b ff \f e \u00e9 nul \u0000 bmp \u2713", "k": 1}"#,
        #"{"e\u00e9": 1, "x": "a\"b", "y": "after escapes é"}"#,
        #"[{"a": 1}, [2, [3, []]], "s"]"#,
        "\n\n   {\"late\": \"start\"}   \n\n",
        ##"{"a": "- not a list", "b": "# not a comment", "c": "key: value", "d": "&anchor *alias !tag"}"##,
        "{\"long\": \"\(String(repeating: "x", count: 5000))\", \"k\": 1}",
    ]

    @Test(arguments: edgeCases)
    func fastPathBuildsLibyamlsTree(_ text: String) throws {
        let result = Self.compose(Array(text.utf8))
        #expect(result.diagnostics.isEmpty)
        let fast = try #require(result.fast, "the fast path declined")
        #expect(fast == result.yaml)
    }

    @Test func generatedReportsReadTheSame() throws {
        for seed in UInt64(1)...6 {
            var generator = ReportGenerator(seed: seed)
            let json = try generator.report(size: 40).authoringJSON()
            for indent in [2, nil] as [Int?] {
                let result = Self.compose(CanonicalJSON.bytes(json, indent: indent))
                #expect(result.diagnostics.isEmpty)
                #expect(result.fast != nil)
                #expect(result.fast == result.yaml, "seed \(seed)")
            }
        }
        let sample = Self.compose(CanonicalJSON.bytes(try SampleScenario.report().authoringJSON()))
        #expect(sample.fast != nil && sample.fast == sample.yaml)
    }

    static let declined: [String] = [
        "format_version: \"1.0\"\n",
        #"{a: b}"#,
        "{\t\"a\": 1}",
        "{\"a\": 1}\r\n",
        #"{"a": 1, "a": 2}"#,
        #"{"a": 1,}"#,
        #"[1, 2,]"#,
        #"{"a": [1, 2}"#,
        "{\"a\": 1} # comment",
        #"{"a": 1} {"b": 2}"#,
        #"{"a": "\ud83d x"}"#,  // a lone surrogate: libyaml reports it
        #"{"a": "\/"}"#,
        #"{"a": "\x41"}"#,
        "{\"a\"\n: 1}",
        "{\"\(String(repeating: "k", count: 1100))\": 1}",
        "{\"a\": \"raw\nbreak\"}",
        #"{"a": 01}"#,
        #"{"a": 1.}"#,
        #"{"a": .5}"#,
        #"{"a": tru}"#,
        #"{"a": "unterminated}"#,
        #"{"format_version": "1.0", "title": ["T""#,
        String(repeating: "[", count: 10_000),
    ]

    @Test(arguments: declined)
    func fastPathDeclines(_ text: String) {
        #expect(JSONComposer.compose(Array(text.utf8), limits: .default) == nil)
    }

    @Test func limitsAreLeftToLibyaml() {
        var limits = InputLimits.default
        limits.maxDepth = 3
        #expect(JSONComposer.compose(Array(#"[[["x"]]]"#.utf8), limits: limits) != nil)
        #expect(JSONComposer.compose(Array(#"[[[["x"]]]]"#.utf8), limits: limits) == nil)
        limits.maxScalarBytes = 4
        #expect(JSONComposer.compose(Array(#"["abcd"]"#.utf8), limits: limits) != nil)
        #expect(JSONComposer.compose(Array(#"["abcde"]"#.utf8), limits: limits) == nil)
        #expect(JSONComposer.compose(Array(#"["ab\ncd"]"#.utf8), limits: limits) == nil)
    }

    @Test func readerGivesTheSameReportAndDiagnosticsEitherWay() throws {
        var generator = ReportGenerator(seed: 7)
        let report = try generator.report(size: 30)
        let bytes = CanonicalJSON.bytes(report.authoringJSON())
        let fast = AuthoringReader.read(bytes, file: "r.json")
        #expect(fast.report == report)
        #expect(fast.diagnostics.isEmpty)
        // Errors found on the fast path (an empty title, an unknown key, a missing one) are placed exactly as
        // libyaml places them.
        let text = String(decoding: bytes, as: UTF8.self)
            .replacingOccurrences(of: "\"Incident 1000\"", with: "\"\"")
            .replacingOccurrences(of: "\"title\": \"Incident 1002\"", with: "\"titel\": \"Incident 1002\"")
        let broken = AuthoringReader.read(Array(text.utf8), file: "r.json").diagnostics.map(\.rendered)
        let viaYAML = AuthoringReader.read(Array(text.utf8) + Array("\n# comment forces libyaml\n".utf8), file: "r.json")
        #expect(broken.count >= 3)
        #expect(broken == viaYAML.diagnostics.map(\.rendered))
    }
}
