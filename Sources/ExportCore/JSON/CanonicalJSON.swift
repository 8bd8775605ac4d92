/// Serialises ``JSONValue`` exactly as Python's `json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False)`.
///
/// Partners diff and sign what they receive, so the bytes are fixed: keys sorted by code point, two-space
/// indentation, `", "`-free separators at line ends, non-ASCII text as UTF-8, and only `"`, `\`, and control
/// characters escaped. `indent: nil` gives the compact form `json.dumps(..., separators=(",", ":"))`.
///
/// ```swift
/// let bytes = CanonicalJSON.bytes(.object(["b": 1, "a": .array([])]))
/// // {\n  "a": [],\n  "b": 1\n}\n
/// ```
public enum CanonicalJSON {
    /// The document as UTF-8 bytes, with a final newline.
    public static func bytes(_ value: JSONValue, indent: Int? = 2) -> [UInt8] {
        var out: [UInt8] = []
        write(value, indent: indent, into: &out)
        out.append(UInt8(ascii: "\n"))
        return out
    }

    /// The document as a string, with a final newline.
    public static func string(_ value: JSONValue, indent: Int? = 2) -> String {
        String(decoding: bytes(value, indent: indent), as: UTF8.self)
    }

    /// Appends one value, without a final newline, at nesting `level`.
    public static func write(_ value: JSONValue, indent: Int?, level: Int = 0, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .int(let number): out.append(contentsOf: String(number).utf8)
        case .double(let number): out.append(contentsOf: pythonRepr(number).utf8)
        case .string(let text): writeString(text, into: &out)
        case .array(let elements):
            writeContainer(elements, open: UInt8(ascii: "["), close: UInt8(ascii: "]"), indent: indent, level: level, into: &out) {
                write($0, indent: indent, level: level + 1, into: &$1)
            }
        case .object(let members):
            let members = Array(members)
            writeMembers(members, order: keyOrder(members).map(\.index), indent: indent, level: level, into: &out)
        }
    }

    /// Appends an object: the members at the positions in `order`, in that order.
    static func writeMembers(
        _ members: [(key: String, value: JSONValue)], order: [Int], indent: Int?, level: Int, into out: inout [UInt8]
    ) {
        writeContainer(order, open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), indent: indent, level: level, into: &out) { index, out in
            writeString(members[index].key, into: &out)
            out.append(UInt8(ascii: ":"))
            if indent != nil { out.append(UInt8(ascii: " ")) }
            write(members[index].value, indent: indent, level: level + 1, into: &out)
        }
    }

    /// The positions of `members` in the order their keys are written, each with its key's ``keyPrefix(_:)``:
    /// by code point (as Python sorts keys; String's `<` does not for every script), the occurrences of a
    /// repeated key in the order given.
    ///
    /// Keys are compared by their first eight bytes as one integer, and only on a tie by all their bytes: most
    /// keys differ early, and string comparison dominated writing. Positions are sorted, not members, so a
    /// ``JSONObjectBuilder`` writes itself without copying (retaining) its keys and values into a sorted list.
    package static func keyOrder(_ members: [(key: String, value: JSONValue)]) -> [(prefix: UInt64, index: Int)] {
        var order = members.indices.map { (prefix: keyPrefix(members[$0].key), index: $0) }
        order.sort { a, b in
            if a.prefix != b.prefix { return a.prefix < b.prefix }
            let (left, right) = (members[a.index].key, members[b.index].key)
            if left != right { return codePointPrecedes(left, right) }
            return a.index < b.index
        }
        return order
    }

    /// The key's first eight UTF-8 bytes, big-endian, zero-padded: a shorter key that is a prefix of a longer
    /// one sorts first unless the longer one continues with NUL bytes, which the full comparison settles.
    package static func keyPrefix(_ key: String) -> UInt64 {
        // Through `withUTF8`: walking `String.UTF8View` cost several times more per key.
        var key = key
        return key.withUTF8 { bytes in
            var value: UInt64 = 0
            for index in 0..<8 { value = value << 8 | (index < bytes.count ? UInt64(bytes[index]) : 0) }
            return value
        }
    }

    private static func writeContainer<Element>(
        _ elements: [Element], open: UInt8, close: UInt8, indent: Int?, level: Int,
        into out: inout [UInt8], element: (Element, inout [UInt8]) -> Void
    ) {
        out.append(open)
        guard !elements.isEmpty else {
            out.append(close)
            return
        }
        for (index, item) in elements.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            newline(indent: indent, level: level + 1, into: &out)
            element(item, &out)
        }
        newline(indent: indent, level: level, into: &out)
        out.append(close)
    }

    /// A line break and the indentation, copied from a line of spaces: appending a `repeatElement` went through
    /// the generic sequence path for every line of every object.
    private static func newline(indent: Int?, level: Int, into out: inout [UInt8]) {
        guard let indent else { return }
        out.append(UInt8(ascii: "\n"))
        var count = indent * level
        while count > 0 {
            let run = min(count, spaces.count)
            out.append(contentsOf: spaces[..<run])
            count -= run
        }
    }

    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)

    /// Whether `a` sorts before `b` by code point, comparing their UTF-8 bytes in place.
    package static func codePointPrecedes(_ a: String, _ b: String) -> Bool {
        var (a, b) = (a, b)
        return a.withUTF8 { left in b.withUTF8 { right in left.lexicographicallyPrecedes(right) } }
    }

    /// Appends a JSON string literal escaped as Python does with `ensure_ascii=False`.
    public static func writeString(_ text: String, into out: inout [UInt8]) {
        var text = text
        text.withUTF8 { writeString($0, into: &out) }
    }

    /// Copies runs that need no escape whole: nearly every string is one such run. The runs are found eight
    /// bytes at a time (``ByteRuns``, whose runs end at exactly the bytes JSON escapes): walking
    /// `String.UTF8View` byte by byte cost a fifth of an export, and a byte loop over the buffer still cost
    /// ~4 % of a re-export.
    private static func writeString(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var runStart = 0
        while true {
            let end = ByteRuns.plainStringEnd(in: bytes, from: runStart)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<end]))
            guard end < bytes.count else { break }
            writeEscape(bytes[end], into: &out)
            runStart = end + 1
        }
        out.append(UInt8(ascii: "\""))
    }

    /// `"`, `\` or a control byte, escaped.
    private static func writeEscape(_ byte: UInt8, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(byte)
        case 0x0A: out.append(UInt8(ascii: "n"))
        case 0x0D: out.append(UInt8(ascii: "r"))
        case 0x09: out.append(UInt8(ascii: "t"))
        case 0x08: out.append(UInt8(ascii: "b"))
        case 0x0C: out.append(UInt8(ascii: "f"))
        default:
            let hex = Array("0123456789abcdef".utf8)
            out.append(contentsOf: "u00".utf8)
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0x0F)])
        }
    }

    /// Python's `repr(float)`: the shortest text that reads back as the same double.
    static func pythonRepr(_ number: Double) -> String {
        // Swift's description is also the shortest round-trip form and spells exponents as Python does
        // (1e-05, 1e+16); checked against CPython 3.11 for both ranges.
        number.description
    }
}
