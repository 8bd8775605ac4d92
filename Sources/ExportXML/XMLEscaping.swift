import ExportCore

/// libxml2's escaping for text and attribute values, on UTF-8 bytes.
///
/// Text (`xmlEncodeSpecialChars`) escapes `<`, `>`, `&`, `"` and carriage return; attribute values
/// (`xmlBufAttrSerializeTxtContent`) also escape tab and line feed, which attribute-value normalisation would
/// otherwise turn into spaces. Everything else, non-ASCII included, is copied as it is.
enum XMLEscaping {
    /// Appends `text` escaped to `output`.
    static func append(_ text: UnsafeBufferPointer<UInt8>, isAttribute: Bool, to output: inout [UInt8]) {
        var runStart = 0
        for index in text.indices {
            let replacement: StaticString
            switch text[index] {
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case 0x0D: replacement = "&#13;"
            case 0x0A where isAttribute: replacement = "&#10;"
            case 0x09 where isAttribute: replacement = "&#9;"
            default: continue
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index]))
            replacement.withUTF8Buffer { output.append(contentsOf: $0) }
            runStart = index + 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart...]))
    }

    /// Whether every character of `text` is one XML 1.0 can carry, checked on the UTF-8 bytes: control
    /// characters other than tab, line feed and carriage return, and U+FFFE and U+FFFF, are not (a Swift string
    /// holds no surrogates).
    static func isXMLText(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return false }
                if byte == 0xEF && index + 2 < bytes.count && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE {
                    return false
                }
                index += 1
            }
            return true
        }
    }
}
