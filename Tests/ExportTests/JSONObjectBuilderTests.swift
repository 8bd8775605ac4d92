@testable import Export
import ExportTestSupport
import Testing

/// The builder writes objects itself, without a dictionary; its bytes must be ``CanonicalJSON``'s.
struct JSONObjectBuilderTests {
    static let keys = [
        "", "a", "A", "aa", "a b", "type", "id", "spec_version", "ä", "Ä", "z", "日本", "ключ", "🛰", "x\"y",
        "tab\t", "extensions", "created", "created_by_ref", "spec_ver", "spec_versions", "a\u{0}", "a\u{0}\u{0}",
        "external_references", "extension_type", "object_refs", "object_marking_refs", "abcdefgh", "abcdefghi",
    ]

    func randomValue(_ random: inout SplitMix64, depth: Int) -> JSONValue {
        switch Int.random(in: 0..<(depth > 2 ? 6 : 8), using: &random) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &random))
        case 2: return .int(Int.random(in: -1_000_000...1_000_000, using: &random))
        case 3: return .double([0.1, -0.0, 1e-05, 1e16, 27.5, 3.0][Int.random(in: 0..<6, using: &random)])
        case 4, 5: return .string(Self.keys[Int.random(in: 0..<Self.keys.count, using: &random)] + "\u{1}\\ü")
        case 6: return .array((0..<Int.random(in: 0..<4, using: &random)).map { _ in randomValue(&random, depth: depth + 1) })
        default: return randomBuilder(&random, depth: depth + 1).value
        }
    }

    func randomBuilder(_ random: inout SplitMix64, depth: Int) -> JSONObjectBuilder {
        var object = JSONObjectBuilder()
        for _ in 0..<Int.random(in: 0..<14, using: &random) {
            let key = Self.keys[Int.random(in: 0..<Self.keys.count, using: &random)]
            switch Int.random(in: 0..<4, using: &random) {
            case 0: object.strings(key, (0..<Int.random(in: 0..<3, using: &random)).map { "s\($0)" })
            case 1: object.text(key, Bool.random(using: &random) ? nil : "t" as String?)
            default: object[key] = Bool.random(using: &random) ? randomValue(&random, depth: depth) : nil
            }
        }
        return object
    }

    @Test func randomObjectsWriteAsCanonicalJSONDoes() {
        var random = SplitMix64(seed: 8)
        for _ in 0..<2_000 {
            let object = randomBuilder(&random, depth: 0)
            let indent: Int? = Bool.random(using: &random) ? 2 : nil
            let level = Int.random(in: 0...3, using: &random)
            var built: [UInt8] = []
            object.write(indent: indent, level: level, into: &built)
            var canonical: [UInt8] = []
            CanonicalJSON.write(object.value, indent: indent, level: level, into: &canonical)
            #expect(built == canonical)
        }
    }

    @Test func keyPrefixesSortAsTheirBytes() {
        var random = SplitMix64(seed: 9)
        for _ in 0..<5_000 {
            let (a, b) = (Self.keys.randomElement(using: &random) ?? "", Self.keys.randomElement(using: &random) ?? "")
            let (pa, pb) = (CanonicalJSON.keyPrefix(a), CanonicalJSON.keyPrefix(b))
            if pa != pb { #expect((pa < pb) == CanonicalJSON.codePointPrecedes(a, b), "\(a) \(b)") }
        }
        #expect(CanonicalJSON.keyPrefix("a") == CanonicalJSON.keyPrefix("a\u{0}"), "a tie the full comparison settles")
    }

    @Test func theLastValueOfARepeatedKeyWins() {
        var object = JSONObjectBuilder()
        object["b"] = .int(1)
        object["a"] = "first"
        object["b"] = nil
        object["a"] = "second"
        #expect(object["a"] == "second")
        #expect(object["b"] == .int(1), "setting nil leaves the value")
        var out: [UInt8] = []
        object.write(indent: nil, into: &out)
        #expect(String(decoding: out, as: UTF8.self) == #"{"a":"second","b":1}"#)
    }

    @Test func anImportedObjectIsWrittenBackSorted() {
        let imported: JSONValue = .object(["type": "malware", "id": "malware--1", "ünï": .array([]), "Z": .null])
        var out: [UInt8] = []
        JSONObjectBuilder(imported).write(indent: 2, level: 1, into: &out)
        var canonical: [UInt8] = []
        CanonicalJSON.write(imported, indent: 2, level: 1, into: &canonical)
        #expect(out == canonical)
        #expect(JSONObjectBuilder(.string("not an object")).members.isEmpty)
    }
}
