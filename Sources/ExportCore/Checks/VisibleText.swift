/// Text from input made safe to show: every control character becomes a visible escape.
///
/// Findings quote what a file holds, and a file can hold ESC and OSC sequences that recolour, retitle or rewrite
/// an analyst's terminal, or characters XML 1.0 cannot carry at all (so a JUnit report could not be written).
/// C0 controls other than tab and line feed, DEL, the C1 controls (U+0080–U+009F: U+009B is a one-character CSI
/// on some terminals) and the XML non-characters U+FFFE and U+FFFF are written as `\x1b` or `\u{FFFE}`.
///
/// ```swift
/// VisibleText.escaped("bad\u{1B}[31m")   // "bad\\x1b[31m": shown as bad\x1b[31m
/// ```
public enum VisibleText {
    /// `text` with every control character replaced by its visible escape.
    public static func escaped(_ text: String) -> String { escaped(text, keepsLineFeeds: true) }

    /// ``escaped(_:)`` that escapes line feeds too, for text that must stay on one line.
    public static func escapedLine(_ text: String) -> String { escaped(text, keepsLineFeeds: false) }

    /// A path for a message: on one line, and in single quotes when it is empty or has blanks at either end,
    /// which a message would otherwise hide (`' feed': cannot ...`).
    public static func path(_ path: String) -> String {
        let line = escapedLine(path)
        let edges = [line.unicodeScalars.first, line.unicodeScalars.last].compactMap { $0 }
        return edges.isEmpty || edges.contains(where: \.properties.isWhitespace) ? "'" + line + "'" : line
    }

    private static func escaped(_ text: String, keepsLineFeeds: Bool) -> String {
        func mustEscape(_ scalar: Unicode.Scalar) -> Bool { isControl(scalar) || (!keepsLineFeeds && scalar == "\n") }
        guard text.unicodeScalars.contains(where: mustEscape) else { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 8)
        for scalar in text.unicodeScalars {
            guard mustEscape(scalar) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            let hex = String(scalar.value, radix: 16)
            result += scalar.value < 0x100
                ? "\\x" + (hex.count < 2 ? "0" + hex : hex) : "\\u{" + hex.uppercased() + "}"
        }
        return result
    }

    /// Whether `scalar` must not be shown raw.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00..<0x20, 0x7F...0x9F, 0xFFFE, 0xFFFF: true
        default: false
        }
    }
}
