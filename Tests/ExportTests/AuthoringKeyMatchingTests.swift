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
        // With id and name first, `k29` is the 32nd key (the one whose arrival switches to the set) and `k30`
        // the 33rd: repeats of an early key, of the last one and of those two, below, at and past the switch.
        for repeated in Set(["k3", "k\(count - 1)", "k29", "k30"]) where Int(repeated.dropFirst()) ?? 0 < count {
            let (json, yaml) = Self.producer(count: count, extra: [repeated])
            for text in [json, yaml] {
                #expect(Self.duplicates(F.lint(text)) == ["'\(repeated)'"], "\(repeated) after \(count) keys")
            }
        }
        let (cleanJSON, cleanYAML) = Self.producer(count: count, extra: [])
        for text in [cleanJSON, cleanYAML] {
            #expect(Self.duplicates(F.lint(text)).isEmpty, "\(count) keys")
        }
    }

    @Test func aKeyCanonicallyEquivalentToAnEarlierOneIsARepeatAsBefore() {
        // Keys compared as `String` compares them, with or without the set: `café` composed and decomposed.
        for count in [3, 40] {
            let (json, yaml) = Self.producer(count: count, extra: ["caf\u{E9}", "cafe\u{301}"])
            for text in [json, yaml] {
                #expect(Self.duplicates(F.lint(text)).count == 1, "after \(count) keys")
            }
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

    @Test func keysOfEveryLengthAreFoundAndMatchOnlyThemselves() {
        // Allowed keys of 4 to 22 bytes (the words overlap from 8 to 15, hold 16 whole, and 17 and up add the
        // text), each found: the decoded actor and indicator carry every value.
        let text = F.header + """
            actors:
              - {id: a, name: A, kind: threat-actor, threat_actor_types: [spy], secondary_motivations: [dominance],
                 sophistication: expert, sponsored_by: [{ref: b}], evidence: [a quote],
                 misp_organisation_uuid: 9d2c6b2e-0c8e-4c55-9b1a-0f6d3d1f7c11}
              - {id: b, name: B, kind: state}
            indicators:
              - {id: i, name: I, pattern: "[ipv4-addr:value = '203.0.113.5']", valid_from: 2023-01-01,
                 kill_chain_phases: [{kill_chain_name: lockheed-martin-cyber-kill-chain, phase_name: delivery}]}
            """
        #expect(F.lint(text).isEmpty)
        let report = F.read(text).report
        let actor = report?.actors.first
        #expect(actor?.threat?.types.map(\.rawValue) == ["spy"])
        #expect(actor?.threat?.secondaryMotivations.map(\.rawValue) == ["dominance"])
        #expect(actor?.threat?.sophistication?.rawValue == "expert")
        #expect(actor?.sponsoredBy.map(\.ref) == ["b"])
        #expect(actor?.evidence == ["a quote"])
        #expect(actor?.mispOrganisationUUID == "9d2c6b2e-0c8e-4c55-9b1a-0f6d3d1f7c11")
        #expect(report?.indicators.first?.killChainPhases.count == 1)

        let keys = [
            "kind", "evidence", "sponsored_by", "sophistication", "threat_actor_types", "secondary_motivations",
            "misp_organisation_uuid",
        ]
        for key in keys {
            let count = key.utf8.count
            for position in Set([0, 7, 8, count / 2, count - 8, count - 1]) where (0..<count).contains(position) {
                var bytes = Array(key.utf8)
                bytes[position] = bytes[position] == UInt8(ascii: "Q") ? UInt8(ascii: "R") : UInt8(ascii: "Q")
                let changed = String(decoding: bytes, as: UTF8.self)
                let lines = F.lint(F.header + "actors:\n  - {id: a, name: A, kind: threat-actor, \(changed): x}\n")
                #expect(lines.contains { $0.contains("unknown key '\(changed)'") }, "\(changed)")
            }
        }
        for position in [0, 8, 9, 16] {
            var bytes = Array("kill_chain_phases".utf8)
            bytes[position] = UInt8(ascii: "Q")
            let changed = String(decoding: bytes, as: UTF8.self)
            let lines = F.lint(F.header + """
                indicators:
                  - {id: i, name: I, pattern: "[ipv4-addr:value = '203.0.113.5']", valid_from: 2023-01-01, \(changed): []}
                """)
            #expect(lines.contains { $0.contains("unknown key '\(changed)'") }, "\(changed)")
        }
    }
}
