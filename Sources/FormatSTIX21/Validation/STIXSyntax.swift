import ExportCore

/// The lexical rules of STIX 2.1 identifiers, type names and timestamps.
package enum STIXSyntax {
    /// Whether `text` is `<type>--<RFC 4122 UUID>` (versions 1–5, variant 10xx), as the spec's schema says.
    /// Every valid identifier is ASCII, so the check runs on the UTF-8 bytes without copying them.
    package static func isIdentifier(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= 41 else { return false }
            let uuidStart = bytes.count - 36
            return bytes[uuidStart - 1] == UInt8(ascii: "-") && bytes[uuidStart - 2] == UInt8(ascii: "-")
                && isTypeName(UnsafeBufferPointer(rebasing: bytes[..<(uuidStart - 2)]))
                && isUUID(UnsafeBufferPointer(rebasing: bytes[uuidStart...]))
        }
    }

    /// The type part of an identifier.
    static func type(ofIdentifier text: String) -> String? {
        var text = text
        let ascii: (isASCII: Bool, type: String?) = text.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return (false, nil) }
            return (true, typeBeforeSeparator(bytes))
        }
        guard ascii.isASCII else { return text.firstRange(of: "--").map { String(text[..<$0.lowerBound]) } }
        return ascii.type
    }

    /// The text before the first `--` of an ASCII identifier. ASCII text (every valid id) is searched in its
    /// UTF-8 bytes: walked through `String.UTF8View` indices, the search cost ~2,000 instructions an id, a tenth
    /// of the rules' time. Other text keeps `firstRange(of:)`, which matches whole characters, so a finding on
    /// an odd id never splits one.
    private static func typeBeforeSeparator(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard bytes.count >= 2 else { return nil }
        for index in 1..<bytes.count where bytes[index] == UInt8(ascii: "-") && bytes[index - 1] == UInt8(ascii: "-") {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<(index - 1)]), as: UTF8.self)
        }
        return nil
    }

    /// `a-z0-9-`, 3–250 characters, starting with a letter, not ending in `-`, no `--`.
    package static func isTypeName(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isTypeName($0) }
    }

    private static func isTypeName(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard (3...250).contains(bytes.count), (97...122).contains(bytes[0]), bytes[bytes.count - 1] != UInt8(ascii: "-")
        else { return false }
        var previous: UInt8 = 0
        for byte in bytes {
            guard (97...122).contains(byte) || (48...57).contains(byte) || byte == UInt8(ascii: "-"),
                byte != UInt8(ascii: "-") || previous != UInt8(ascii: "-")
            else { return false }
            previous = byte
        }
        return true
    }

    package static func isUUID(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isUUID($0) }
    }

    private static func isUUID(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        UUIDText.hasShape(bytes) && (UInt8(ascii: "1")...UInt8(ascii: "5")).contains(bytes[14])
            && (bytes[19] == UInt8(ascii: "8") || bytes[19] == UInt8(ascii: "9") || bytes[19] | 0x20 == UInt8(ascii: "a")
                || bytes[19] | 0x20 == UInt8(ascii: "b"))
    }

    /// The number of fractional digits of a valid `YYYY-MM-DDTHH:MM:SS[.f+]Z` timestamp, or `nil` when it is
    /// not one (wrong shape, offset instead of `Z`, `.` without digits, or no such day or time).
    package static func fractionDigits(ofTimestamp text: String) -> Int? {
        var text = text
        return text.withUTF8 { bytes -> Int? in
            guard bytes.count >= 20, bytes[bytes.count - 1] == UInt8(ascii: "Z") else { return nil }
            for (offset, expected) in timestampShape.enumerated() {
                let byte = bytes[offset]
                if expected == UInt8(ascii: "d") {
                    guard (48...57).contains(byte) else { return nil }
                } else if byte != expected {
                    return nil
                }
            }
            let fraction = UnsafeBufferPointer(rebasing: bytes[19..<(bytes.count - 1)])
            var digits = 0
            if !fraction.isEmpty {
                guard fraction[0] == UInt8(ascii: "."), fraction.count >= 2,
                    fraction.dropFirst().allSatisfy({ (48...57).contains($0) })
                else { return nil }
                digits = fraction.count - 1
            }
            // The shape check made these all digits.
            func number(_ from: Int, _ count: Int) -> Int {
                bytes[from..<from + count].reduce(0) { $0 * 10 + Int($1 - 48) }
            }
            guard (try? PartialDate(year: number(0, 4), month: number(5, 2), day: number(8, 2))) != nil,
                number(11, 2) < 24, number(14, 2) < 60, number(17, 2) <= 60
            else { return nil }
            return digits
        }
    }

    private static let timestampShape = Array("dddd-dd-ddTdd:dd:dd".utf8)

    /// Compares two valid timestamps as instants (fractions of different lengths compare by value).
    package static func isOrdered(_ earlier: String, _ later: String) -> Bool {
        let (lhs, rhs) = (Array(earlier.utf8), Array(later.utf8))
        let (lhsCount, rhsCount) = (normalizedCount(lhs), normalizedCount(rhs))
        for index in 0..<min(lhsCount, rhsCount) {
            let (left, right) = (normalizedByte(lhs, index), normalizedByte(rhs, index))
            if left != right { return left < right }
        }
        return lhsCount <= rhsCount
    }

    /// A valid timestamp read as `YYYY-MM-DDTHH:MM:SS.` and its fraction padded with zeros to 12 digits,
    /// which compare as instants byte by byte: its length, and its byte at `index`.
    private static func normalizedCount(_ bytes: [UInt8]) -> Int { 20 + max(12, max(0, bytes.count - 21)) }

    private static func normalizedByte(_ bytes: [UInt8], _ index: Int) -> UInt8 {
        if index < 19 { return bytes[index] }
        if index == 19 { return UInt8(ascii: ".") }
        return index < bytes.count - 1 ? bytes[index] : UInt8(ascii: "0")  // the digits, then the padding
    }
}
