import Export
import ExportTestSupport
import Foundation
import Testing

/// report-json's bytes equal Python's `json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"`.
struct CanonicalJSONTests {
    static let redump =
        "import json, sys\ndata = json.loads(sys.stdin.buffer.read())\n"
        + "sys.stdout.buffer.write((json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + '\\n').encode())\n"

    func pythonCanonical(_ bytes: [UInt8]) throws -> [UInt8] {
        let result = try ProcessRunner.run(Oracle.python, ["-c", Self.redump], input: Data(bytes))
        #expect(result.status == 0, "\(result.errors)")
        return Array(result.stdout)
    }

    @Test func scenarioReportJSONEqualsPythonsDump() throws {
        var sink = MemorySink()
        _ = try ReportJSONWriter().write(ReleasedReport(everythingIn: try SampleScenario.report()), options: .default, to: &sink)
        #expect(try pythonCanonical(sink.bytes) == sink.bytes)
    }

    @Test func trickyValuesEqualPythonsDump() throws {
        let value: JSONValue = .object([
            "ünïcode ключ": "日本語 — “quotes” \"and\" \\ backslash",
            "controls": .string("\u{0}\u{1}\u{8}\u{9}\u{A}\u{C}\u{D}\u{1F}\u{7F}\u{2028}"),
            "numbers": .array([.int(0), .int(-7), .double(27.5), .double(1e-05), .double(1e16), .double(-0.0), .double(0.1)]),
            "empty": .object(["list": .array([]), "map": .object([:])]),
            "Z": .null, "a": .bool(true), "B": .bool(false), "emoji 🛰": "🇯🇵",
        ])
        let bytes = CanonicalJSON.bytes(value)
        #expect(try pythonCanonical(bytes) == bytes)
    }

    @Test func compactFormHasNoWhitespace() {
        let bytes = CanonicalJSON.bytes(.object(["b": .array([.int(1), .int(2)]), "a": "x"]), indent: nil)
        #expect(String(decoding: bytes, as: UTF8.self) == "{\"a\":\"x\",\"b\":[1,2]}\n")
    }
}
