/// A run of percent-escapes (`%20`, `%E8%B5%A4`) and character references (`&#67;`, `&#x43;`, `&amp;`) in a
/// text, decoded as a browser or an HTML view shows it; name matching reads the decoded characters, so a name
/// cannot hide in a URL's or a page's encoding.
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

    /// The run starting at `start`, or nil when none starts there or its bytes are not UTF-8 (then `%` and
    /// `&` are punctuation).
    init?(in text: String, at start: String.Index) {
        var bytes: [UInt8] = []
        var byteStarts: [String.Index] = []
        var cursor = start
        while cursor < text.endIndex, let (decoded, next) = Self.escape(in: text, at: cursor) {
            bytes += decoded
            byteStarts += Array(repeating: cursor, count: decoded.count)
            cursor = next
        }
        guard !bytes.isEmpty, let decoded = String(validating: bytes, as: UTF8.self) else { return nil }
        end = cursor
        var offset = 0
        for character in decoded {
            let from = byteStarts[offset]
            offset += character.utf8.count
            characters.append((character, from..<(offset < byteStarts.count ? byteStarts[offset] : cursor)))
        }
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
            // The longest reference is `&#x10FFFF;`; a name or number longer than that is text.
            let body = rest.dropFirst().prefix(9)
            guard let semicolon = body.firstIndex(of: ";") else { return nil }
            let name = String(String.UnicodeScalarView(body[..<semicolon]))
            guard let scalar = reference(name) else { return nil }
            return (Array(String(scalar).utf8), text.unicodeScalars.index(after: semicolon))
        default:
            return nil
        }
    }

    /// The character a reference's body names: `#67`, `#x43`, or one of the names text commonly carries.
    private static func reference(_ name: String) -> Unicode.Scalar? {
        let number = name.drop { $0 == "#" || $0 == "x" || $0 == "X" }
        guard name.first != "#" || (!number.isEmpty && number.allSatisfy(\.isHexDigit)) else { return nil }
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
        }
        if name.hasPrefix("#") { return UInt32(name.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init) }
        return named[name]
    }

    private static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "shy": "\u{AD}",
        "ndash": "\u{2013}", "mdash": "\u{2014}", "hyphen": "\u{2010}", "dash": "\u{2010}", "period": ".",
        "lowbar": "_", "sol": "/", "colon": ":", "comma": ",", "zwsp": "\u{200B}", "ZeroWidthSpace": "\u{200B}",
    ]
}
