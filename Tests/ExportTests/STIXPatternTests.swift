import Export
import Testing

/// The STIX pattern checker: what it accepts, what it refuses and where it says the problem is.
struct STIXPatternTests {
    static let acceptedPatterns = [
        "[ipv4-addr:value = '203.0.113.5']",
        "[ipv4-addr:value ISSUBSET '203.0.113.0/24']",
        "[file:hashes.'SHA-256' = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08']",
        "[file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e' OR file:name = 'a.exe']",
        "[domain-name:value = 'evil.example' AND domain-name:resolves_to_refs[*].value = '198.51.100.1']",
        "[url:value LIKE 'http://%.example/%'] FOLLOWEDBY [file:size > 1024]",
        "([email-addr:value = 'a@b.example'] OR [ipv6-addr:value = '2001:db8::1']) WITHIN 300 SECONDS",
        "[network-traffic:dst_port IN (80, 443, 8080)] REPEATS 5 TIMES",
        "[file:name MATCHES '^a\\\\.exe$'] START t'2023-01-01T00:00:00Z' STOP t'2023-02-01T00:00:00.5Z'",
        "[x-custom:anything = 'kept'] AND [file:x_note NOT = 'custom property']",
        "[process:pid = -1 AND process:is_hidden = true]",
        "[artifact:payload_bin = b'aGVsbG8='] OR [file:magic_number_hex = h'ffd8']",
        "[file:size >= 10.5] AND ([url:value = 'x'])",
        "(([ipv4-addr:value = '1.2.3.4']))",
        "[mutex:name NOT IN ('a', 'b') AND mutex:name != 'ANDROID']",
    ]

    @Test(arguments: acceptedPatterns)
    func accepts(_ pattern: String) {
        #expect(STIXPattern.problem(in: pattern) == nil, "\(String(describing: STIXPattern.problem(in: pattern)))")
    }

    static let refusedPatterns: [(String, Int, String)] = [
        ("", 0, "the pattern is empty"),
        ("ipv4-addr:value = '1.2.3.4'", 0, "where an observation expression"),
        ("[ipv4-addr:value = '1.2.3.4'", 28, "where ']' belongs"),
        ("[ipv4-adr:value = '1.2.3.4']", 1, "unknown cyber-observable type 'ipv4-adr'"),
        ("[ipv4-addr:valu = '1.2.3.4']", 11, "'ipv4-addr' has no property 'valu'"),
        ("[ipv4-addr:value == '1.2.3.4']", 18, "where a value belongs"),
        ("[ipv4-addr:value = '1.2.3.4]", 19, "this string is not closed"),
        ("[ipv4-addr:value = 1.2.3.4]", 22, "where ']' belongs"),
        ("[ipv4-addr:value = '1' AND url:value = 'x']", 27, "must be about one object type"),
        ("[file:size > 1] WITHIN SECONDS", 23, "where a number of seconds"),
        ("[file:size > 1] START t'2023' STOP t'2024'", 22, "not a STIX timestamp"),
        ("[file:size > 1] AND", 19, "the pattern ends"),
        ("[file:size > 1] extra", 16, "after the end of the pattern"),
        ("[file:hashes.'SHA-256' = h'abc']", 26, "not a valid hex literal"),
        ("[file:size = tru]", 13, "where a value belongs"),
        ("[file:name = 'a\\x']", 15, "may be escaped"),
    ]

    @Test(arguments: refusedPatterns)
    func refuses(_ pattern: String, _ offset: Int, _ message: String) throws {
        let problem = try #require(STIXPattern.problem(in: pattern))
        #expect(problem.message.contains(message), "\(problem.message)")
        #expect(problem.offset == offset, "\(problem.message)")
    }

    @Test func deepNestingIsRefusedNotRecursedInto() throws {
        let deep = String(repeating: "(", count: 10_000) + "[file:size > 1]" + String(repeating: ")", count: 10_000)
        let problem = try #require(STIXPattern.problem(in: deep))
        #expect(problem.message.contains("nests deeper"))
    }

    /// Twice the pattern, about twice the time: the parser never backtracks.
    @Test func timeIsLinearInThePatternsLength() {
        func seconds(_ count: Int) -> Double {
            let pattern = Array(repeating: "[file:name = 'a.exe' OR file:size > 10]", count: count).joined(separator: " AND ")
            let clock = ContinuousClock()
            let elapsed = clock.measure { _ = STIXPattern.problem(in: pattern) }
            return Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds)
        }
        _ = seconds(1_000)
        let small = seconds(4_000)
        let large = seconds(16_000)
        #expect(large < small * 8, "4x the input took \(large / small)x the time")
    }
}
