import ExportCore

/// A run of percent-escapes (`%20`, `%E8%B5%A4`) and character references (`&#67;`, `&#x43;`, `&amp;`) in a
/// text, decoded as a browser or an HTML view shows it; name matching reads the decoded characters, so a name
/// cannot hide in a URL's or a page's encoding.
///
/// Decoding is lenient the way readers are: bytes that are not UTF-8 become U+FFFD (so `%61%FF` still shows its
/// `a`), numeric references may have leading zeros or no semicolon, and a named reference exportctl does not
/// know reads as a break between words (`Crimson&NoBreak;Otter`). Every run is read once: the scan stays linear.
///
/// ```swift
/// let text = "crimson%20otter"
/// EscapeRun(in: text, at: text.firstIndex(of: "%")!)?.characters.map(\.character)   // [" "]
/// ```
struct EscapeRun {
    /// Each decoded character with the range of the original it came from.
    private(set) var characters: [(character: Character, range: Range<String.Index>)] = []
    /// Where the run ends in the original.
    let end: String.Index

    /// The run starting at `start`, or nil when no escape starts there (then `%` and `&` are punctuation).
    init?(in text: String, at start: String.Index) {
        var bytes: [UInt8] = []
        var byteStarts: [String.Index] = []
        var cursor = start
        while cursor < text.endIndex, let (decoded, next) = Self.escape(in: text, at: cursor) {
            bytes += decoded
            byteStarts += Array(repeating: cursor, count: decoded.count)
            cursor = next
        }
        guard cursor > start else { return nil }
        end = cursor
        for (scalar, offset, length) in Self.scalars(of: bytes) {
            let from = byteStarts.isEmpty ? start : byteStarts[min(offset, byteStarts.count - 1)]
            let upTo = offset + length < byteStarts.count ? byteStarts[offset + length] : cursor
            characters.append((Character(scalar), from..<max(from, upTo)))
        }
        if bytes.isEmpty { characters.append((" ", start..<cursor)) }  // a named reference read as a break
    }

    /// `text` with every run decoded once, or nil when it has none; a text escaped twice (`%2543`,
    /// `&amp;#67;`) shows what it hides after a second decoding.
    static func decodingOnce(_ text: String) -> String? {
        var result = ""
        var changed = false
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "%" || text[index] == "&", let run = EscapeRun(in: text, at: index) {
                result += String(run.characters.map(\.character))
                index = run.end
                changed = true
            } else {
                result.append(text[index])
                index = text.index(after: index)
            }
        }
        return changed ? result : nil
    }

    /// The scalars UTF-8 `bytes` spell, each with its byte offset and length; a byte that starts no valid
    /// sequence is U+FFFD.
    private static func scalars(of bytes: [UInt8]) -> [(Unicode.Scalar, Int, Int)] {
        var result: [(Unicode.Scalar, Int, Int)] = []
        var offset = 0
        while offset < bytes.count {
            let lead = bytes[offset]
            let length = lead < 0x80 ? 1 : lead >> 5 == 0b110 ? 2 : lead >> 4 == 0b1110 ? 3 : lead >> 3 == 0b11110 ? 4 : 0
            if length > 0, offset + length <= bytes.count,
               let decoded = String(validating: bytes[offset..<offset + length], as: UTF8.self),
               let scalar = decoded.unicodeScalars.first
            {
                result.append((scalar, offset, length))
                offset += length
            } else {
                result.append(("\u{FFFD}", offset, 1))
                offset += 1
            }
        }
        return result
    }

    /// The bytes of the escape at `index` and where it ends, or nil when none starts there.
    private static func escape(in text: String, at index: String.Index) -> ([UInt8], String.Index)? {
        let rest = text.unicodeScalars[index...]
        switch rest.first {
        case "%":
            let digits = rest.dropFirst().prefix(2)
            guard digits.count == 2, digits.allSatisfy(\.properties.isASCIIHexDigit),
                  let byte = UInt8(String(String.UnicodeScalarView(digits)), radix: 16) else { return nil }
            return ([byte], digits.endIndex)
        case "&":
            return reference(rest.dropFirst())
        default:
            return nil
        }
    }

    /// A character reference after its `&`: `#67;`, `#x43;`, `#0000067` (no semicolon), `eacute;`, `amp;`.
    private static func reference(_ body: Substring.UnicodeScalarView) -> ([UInt8], String.Index)? {
        if body.first == "#" {
            let afterHash = body.dropFirst()
            let isHex = afterHash.first == "x" || afterHash.first == "X"
            let digitsStart = isHex ? afterHash.dropFirst() : afterHash
            // Leading zeros are free, as browsers read them; a number past U+10FFFF is U+FFFD.
            let digits = digitsStart.prefix(while: { isHex ? $0.properties.isASCIIHexDigit : ("0"..."9").contains($0) })
            guard !digits.isEmpty else { return nil }
            let significant = String(String.UnicodeScalarView(digits.drop { $0 == "0" }))
            let value = significant.count > 8 ? nil : UInt32(significant.isEmpty ? "0" : significant, radix: isHex ? 16 : 10)
            let scalar = value.flatMap(Unicode.Scalar.init) ?? "\u{FFFD}"
            let end = digits.endIndex < body.endIndex && body[digits.endIndex] == ";" ? body.index(after: digits.endIndex) : digits.endIndex
            return (Array(String(scalar).utf8), end)
        }
        let name = body.prefix(while: { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }).prefix(32)
        guard !name.isEmpty, name.endIndex < body.endIndex, body[name.endIndex] == ";" else { return nil }
        let end = body.index(after: name.endIndex)
        let text = String(String.UnicodeScalarView(name))
        if let scalar = named[text] { return (Array(String(scalar).utf8), end) }
        if let letter = accented(text) { return (Array(letter.utf8), end) }
        return ([], end)  // a name exportctl does not know: a break between words
    }

    /// `eacute`, `Ouml`, `ccedil`…: the letter under the accent.
    private static func accented(_ name: String) -> String? {
        let accents = ["acute", "grave", "uml", "circ", "tilde", "ring", "cedil", "caron", "slash", "macr", "ogon",
                       "dot", "breve", "dblac", "strok", "lig"]
        guard let first = name.first, first.isASCII, first.isLetter,
              accents.contains(String(name.dropFirst())) else { return nil }
        return String(first)
    }

    private static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "shy": "\u{AD}",
        "ndash": "\u{2013}", "mdash": "\u{2014}", "hyphen": "\u{2010}", "dash": "\u{2010}", "period": ".",
        "lowbar": "_", "sol": "/", "colon": ":", "comma": ",", "zwsp": "\u{200B}", "ZeroWidthSpace": "\u{200B}",
        "szlig": "ß", "percnt": "%", "num": "#", "excl": "!", "quest": "?", "semi": ";", "equals": "=",
    ]
}
