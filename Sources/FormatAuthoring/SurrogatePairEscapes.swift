import ExportCore

/// Rewrites JSON's surrogate-pair escapes (`"\ud83d\ude00"`) into YAML's 32-bit escape (`"\U0001F600"`)
/// before libyaml reads a JSON authoring document: libyaml refuses every surrogate escape, pairs included,
/// although JSON (RFC 8259 §7) spells each character past U+FFFF as a pair, and Python's `json.dumps` writes
/// one by default.
///
/// The 32-bit escape is two bytes shorter than the pair, so two spaces per pair go after the string's closing
/// quote (white space between JSON tokens): every line and column after the string stays where the author
/// wrote it. Lone surrogates are left alone for libyaml to report where they are. Only JSON documents (the
/// first byte after white space is `{` or `[`) are rewritten: there a `"` outside a string always opens one;
/// YAML has no surrogate escapes to translate.
enum SurrogatePairEscapes {
    /// The document with each pair rewritten, or `nil` when it has none (the common case: no copy).
    static func rewritten(_ bytes: [UInt8]) -> [UInt8]? {
        guard let first = bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }),
            first == UInt8(ascii: "{") || first == UInt8(ascii: "["),
            bytes.firstRange(of: Array("\\u".utf8)) != nil
        else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        var inString = false
        var pairsInString = 0
        var changed = false
        while index < bytes.count {
            let byte = bytes[index]
            if !inString {
                out.append(byte)
                index += 1
                if byte == UInt8(ascii: "\"") { inString = true }
                continue
            }
            if byte == UInt8(ascii: "\"") {
                out.append(byte)
                out.append(contentsOf: repeatElement(0x20, count: 2 * pairsInString))
                (inString, pairsInString, index) = (false, 0, index + 1)
                continue
            }
            if byte == UInt8(ascii: "\\"), let scalar = pair(in: bytes, at: index) {
                out.append(contentsOf: Array("\\U".utf8) + hex8(scalar))
                (pairsInString, changed, index) = (pairsInString + 1, true, index + 12)
                continue
            }
            out.append(byte)
            // An escaped byte is copied with its backslash, so `\"` never ends the string.
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.count { out.append(bytes[index + 1]); index += 1 }
            index += 1
        }
        return changed ? out : nil
    }

    /// The code point of `\uD8xx\uDCxx` at `index`, if that is what stands there.
    private static func pair(in bytes: [UInt8], at index: Int) -> UInt32? {
        guard index + 12 <= bytes.count, bytes[index + 1] == UInt8(ascii: "u"), bytes[index + 6] == UInt8(ascii: "\\"),
            bytes[index + 7] == UInt8(ascii: "u"), let high = hex4(bytes, index + 2), let low = hex4(bytes, index + 8),
            (0xD800..<0xDC00).contains(high), (0xDC00..<0xE000).contains(low)
        else { return nil }
        return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
    }

    private static func hex4(_ bytes: [UInt8], _ start: Int) -> UInt32? {
        var value: UInt32 = 0
        for byte in bytes[start..<start + 4] {
            guard let digit = Int(String(UnicodeScalar(byte)), radix: 16) else { return nil }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private static func hex8(_ value: UInt32) -> [UInt8] {
        let digits = String(value, radix: 16, uppercase: true)
        return Array((String(repeating: "0", count: 8 - digits.count) + digits).utf8)
    }
}
