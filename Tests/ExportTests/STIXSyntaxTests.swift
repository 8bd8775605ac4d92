@testable import Export
import Testing

/// The byte-level identifier, type name and timestamp checks agree with their plain string definitions.
struct STIXSyntaxTests {
    /// The definitions the checks had before they worked on UTF-8 bytes, kept as the reference.
    enum Reference {
        static func isTypeName(_ text: String) -> Bool {
            let bytes = Array(text.utf8)
            guard (3...250).contains(bytes.count), let first = bytes.first, let last = bytes.last,
                (97...122).contains(first), last != UInt8(ascii: "-"), !text.contains("--")
            else { return false }
            return bytes.allSatisfy { (97...122).contains($0) || (48...57).contains($0) || $0 == UInt8(ascii: "-") }
        }

        static func isIdentifier(_ text: String) -> Bool {
            guard let range = text.firstRange(of: "--") else { return false }
            return isTypeName(String(text[..<range.lowerBound])) && STIXSyntax.isUUID(String(text[range.upperBound...]))
        }

        static func normalized(_ text: String) -> String {
            let body = text.dropLast()
            let (whole, fraction) = body.count > 19 ? (body.prefix(19), String(body.dropFirst(20))) : (body.prefix(19), "")
            return whole + "." + fraction + String(repeating: "0", count: max(0, 12 - fraction.count))
        }
    }

    static let identifiers = [
        "identity--0b8a5b2c-3b4d-4e5f-8a6b-7c8d9e0f1a2b", "identity--0B8A5B2C-3B4D-4E5F-AA6B-7C8D9E0F1A2B",
        "x-my-type--0b8a5b2c-3b4d-1e5f-9a6b-7c8d9e0f1a2b", "identity--0b8a5b2c-3b4d-6e5f-8a6b-7c8d9e0f1a2b",
        "identity--0b8a5b2c-3b4d-4e5f-7a6b-7c8d9e0f1a2b", "identity--0b8a5b2c-3b4d-4e5f-8a6b-7c8d9e0f1a2",
        "identity---0b8a5b2c-3b4d-4e5f-8a6b-7c8d9e0f1a2b", "iden--tity--0b8a5b2c-3b4d-4e5f-8a6b-7c8d9e0f1a2b",
        "Identity--0b8a5b2c-3b4d-4e5f-8a6b-7c8d9e0f1a2b", "ïdentity--0b8a5b2c-3b4d-4e5f-8a6b-7c8d9e0f1a2b",
        "identity--0b8a5b2c-3b4d-4e5f-8a6b-7c8d9e0f1a2é", "identity-0b8a5b2c-3b4d-4e5f-8a6b-7c8d9e0f1a2b",
        "ab--0b8a5b2c-3b4d-4e5f-8a6b-7c8d9e0f1a2b", "abc--0b8a5b2c-3b4d-4e5f-8a6b-7c8d9e0f1a2b",
        "abc---0b8a5b2c-3b4d-4e5f-8a6b-7c8d9e0f1a2", "--0b8a5b2c-3b4d-4e5f-8a6b-7c8d9e0f1a2b", "", "--",
        "identity--0b8a5b2c+3b4d-4e5f-8a6b-7c8d9e0f1a2b", "a9--0b8a5b2c-3b4d-4e5f-8a6b-7c8d9e0f1a2b",
        "9ab--0b8a5b2c-3b4d-4e5f-8a6b-7c8d9e0f1a2b", "ab-c--0b8a5b2c-3b4d-4e5f-8a6b-7c8d9e0f1a2b",
        "abc---0b8a5b2c-3b4d-4e5f-8a6b-7c8d9e0f1a2b", "abc-\u{301}-0b8a5b2c-3b4d-4e5f-8a6b-7c8d9e0f1a2b",
    ]

    @Test func identifiersAndTypeNamesAgreeWithTheStringDefinitions() {
        for text in Self.identifiers {
            #expect(STIXSyntax.isIdentifier(text) == Reference.isIdentifier(text), "\(text)")
            #expect(STIXSyntax.isTypeName(text) == Reference.isTypeName(text), "\(text)")
            let type = String(text.prefix(while: { $0 != "-" }))
            for candidate in [type, type + "-", type + "-x", type + "--x", "x" + type] {
                #expect(STIXSyntax.isTypeName(candidate) == Reference.isTypeName(candidate), "\(candidate)")
            }
        }
        #expect(STIXSyntax.isIdentifier("identity--0b8a5b2c-3b4d-4e5f-8a6b-7c8d9e0f1a2b"))
        #expect(!STIXSyntax.isIdentifier("identity---0b8a5b2c-3b4d-4e5f-8a6b-7c8d9e0f1a2b"))
    }

    static let timestamps = [
        "2024-01-01T00:00:00Z", "2024-01-01T00:00:00.000Z", "2024-01-01T00:00:00.1Z", "2024-01-01T00:00:00.100Z",
        "2024-01-01T00:00:00.0000000000001Z", "2024-01-01T00:00:00.00000000000010Z",
        "2024-01-01T00:00:00.000000000000Z", "2024-01-01T00:00:00.0000000000000Z", "2023-12-31T23:59:59.999Z",
        "2024-01-01T00:00:00.999999999999999Z", "2024-02-29T12:00:00.5Z",
    ]

    @Test func timestampsCompareAsTheirPaddedText() {
        for earlier in Self.timestamps {
            for later in Self.timestamps {
                let expected = Reference.normalized(earlier) <= Reference.normalized(later)
                #expect(STIXSyntax.isOrdered(earlier, later) == expected, "\(earlier) <= \(later)")
            }
        }
    }

    @Test func timestampShapesAndCalendar() {
        let cases: [(String, Int?)] = [
            ("2024-02-29T12:00:00.5Z", 1), ("2023-02-29T12:00:00Z", nil), ("2024-01-01T24:00:00Z", nil),
            ("2024-01-01T23:59:60.000Z", 3), ("2024-01-01T23:60:00Z", nil), ("2024-13-01T00:00:00Z", nil),
            ("2024-01-01T00:00:00.Z", nil), ("2024-01-01T00:00:00+00:00", nil), ("2024-01-01 00:00:00Z", nil),
            ("0000-01-01T00:00:00Z", nil), ("2024-1-01T00:00:00.000Z", nil), ("2024-01-01T00:00:00.12a4Z", nil),
            ("2024-01-01T00:00:00.123456Z", 6), ("２024-01-01T00:00:00Z", nil),
        ]
        for (text, digits) in cases { #expect(STIXSyntax.fractionDigits(ofTimestamp: text) == digits, "\(text)") }
    }
}
