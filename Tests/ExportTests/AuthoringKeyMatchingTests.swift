import Export
import Testing

/// Keys are matched as integer words (`KeyWord`) and, in large mappings, by a set: these pin that the shortcut
/// finds exactly what comparing the text would, in the JSON reader and the YAML one.
struct AuthoringKeyMatchingTests {
    typealias F = AuthoringFixtures

    /// A producer mapping with `count` unknown keys `k0`, `k1`, … and then `extra` keys, as JSON and as YAML.
    private static func producer(count: Int, extra: [String]) -> (json: String, yaml: String) {
        let keys = (0..<count).map { "k\($0)" } + extra
        let json = """
            {"format_version": "1.0", "title": "T", "published": "2023-11-15",
             "producer": {"id": "p", "name": "P", \(keys.map { "\"\($0)\": 1" }.joined(separator: ", "))}}
            """
        let yaml = "format_version: \"1.0\"\ntitle: T\npublished: 2023-11-15\nproducer:\n  id: p\n  name: P\n"
            + keys.map { "  \($0): 1\n" }.joined()
        return (json, yaml)
    }

    private static func duplicates(_ lines: [String]) -> [String] {
        lines.filter { $0.contains("duplicate key") }.map { String($0.split(separator: " ").last ?? "") }
    }

    @Test(arguments: [5, 29, 30, 31, 32, 40, 200])
    func aRepeatedKeyIsFoundBeforeAndAfterTheSetTakesOver(count: Int) {
        // The repeat of `k3` comes after `count + 2` keys (id and name first): below, at and past the word limit.
        let (json, yaml) = Self.producer(count: count, extra: ["k3"])
        for text in [json, yaml] {
            #expect(Self.duplicates(F.lint(text)) == ["'k3'"], "\(count) keys")
        }
        let (cleanJSON, cleanYAML) = Self.producer(count: count, extra: [])
        for text in [cleanJSON, cleanYAML] {
            #expect(Self.duplicates(F.lint(text)).isEmpty, "\(count) keys")
        }
    }

    @Test func longKeysThatShareTheirFirstAndLastEightBytesAreDifferentKeys() {
        // 19 bytes each, equal in the words a KeyWord holds, different in the middle.
        let (json, yaml) = Self.producer(count: 0, extra: ["aaaaaaaa_1_bbbbbbbb", "aaaaaaaa_2_bbbbbbbb"])
        for text in [json, yaml] {
            let lines = F.lint(text)
            #expect(Self.duplicates(lines).isEmpty)
            #expect(lines.filter { $0.contains("unknown key") }.count == 2)
        }
    }

    @Test func aLongUnknownKeyIsNotTakenForTheAllowedKeyItResembles() {
        // `misp_organisation_uuid` (22 bytes) is allowed on actors; this has its length, head and tail.
        let text = F.header + """
            actors:
              - {id: a, name: A, kind: state, misp_orgZnisation_uuid: 9d2c6b2e-0c8e-4c55-9b1a-0f6d3d1f7c11}
            """
        #expect(F.lint(text) == ["7:35: error: unknown key 'misp_orgZnisation_uuid' in an actor"])
    }

    @Test func keysOfEveryLengthUpToTheWordsMatchOnlyThemselves() {
        // Allowed keys of 2 (`id`) to 22 bytes, each read back; a one-byte change anywhere is unknown.
        let text = F.header + """
            actors:
              - {id: a, name: A, kind: threat-actor, threat_actor_types: [spy], secondary_motivations: [dominance],
                 misp_organisation_uuid: 9d2c6b2e-0c8e-4c55-9b1a-0f6d3d1f7c11}
            """
        #expect(F.lint(text).isEmpty)
        for key in ["threat_actor_types", "secondary_motivations", "misp_organisation_uuid", "kind", "name"] {
            for position in [0, key.utf8.count / 2, key.utf8.count - 1] {
                var bytes = Array(key.utf8)
                bytes[position] = bytes[position] == UInt8(ascii: "Q") ? UInt8(ascii: "R") : UInt8(ascii: "Q")
                let changed = String(decoding: bytes, as: UTF8.self)
                let lines = F.lint(F.header + "actors:\n  - {id: a, name: A, kind: threat-actor, \(changed): x}\n")
                #expect(lines.contains { $0.contains("unknown key '\(changed)'") }, "\(changed)")
            }
        }
    }
}
