/// A strict RFC 8259 JSON reader that remembers where every value starts.
///
/// It refuses what lenient readers accept (comments, trailing commas, leading zeros, lone surrogates,
/// raw control characters, duplicate keys, trailing content) and bounds the nesting depth, so untrusted
/// input can neither crash it nor exhaust the stack. Columns count Unicode scalars.
///
/// ```swift
/// let document = try LocatedJSONReader.read(Array(#"{"a": [1, 2]}"#.utf8))
/// document["a"]?.column   // 7
/// ```
public struct LocatedJSONReader {
    /// A syntax error with the place it was found.
    public struct SyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
        /// What is wrong.
        public var message: String
        /// The 1-based line.
        public var line: Int
        /// The 1-based column.
        public var column: Int

        public var description: String { "\(line):\(column): \(message)" }
    }

    /// The message for bytes after a complete document.
    static let trailingContent = "unexpected content after the document"

    /// The bytes read, borrowed for the length of one read.
    let bytes: UnsafeBufferPointer<UInt8>
    private let maxDepth: Int
    /// The longest string accepted, in bytes.
    let maxStringBytes: Int
    /// A key that ends a read from a buffer's prefix when the object being read has it (``readObjectPrefix``).
    private var stopKey: String?
    var index = 0
    var line = 1
    var lineStart = 0
    /// Continuation bytes seen on the current line, so columns count scalars, not bytes.
    var continuationBytes = 0

    /// Reads one JSON document (`startLine`/`startColumn`: where it starts in a larger file; `startDepth`:
    /// how deeply it is nested there, so the depth bound counts as if the whole file were read;
    /// `skipsByteOrderMark`: off for a piece cut out of a file, where a byte-order mark is an error).
    /// - Throws: ``SyntaxError`` at the first problem.
    public static func read(
        _ bytes: [UInt8], maxDepth: Int = InputLimits.default.maxDepth,
        maxStringBytes: Int = InputLimits.default.maxScalarBytes, startLine: Int = 1, startColumn: Int = 1,
        startDepth: Int = 0, skipsByteOrderMark: Bool = true
    ) throws(SyntaxError) -> LocatedJSON {
        try bytes.withUnsafeBufferPointer { (buffer) throws(SyntaxError) -> LocatedJSON in
            var reader = LocatedJSONReader(
                bytes: buffer, maxDepth: maxDepth, maxStringBytes: maxStringBytes, startLine: startLine,
                startColumn: startColumn)
            if skipsByteOrderMark, buffer.starts(with: [0xEF, 0xBB, 0xBF]) { reader.index = 3 }
            reader.skipWhitespace()
            let value = try reader.value(depth: startDepth)
            reader.skipWhitespace()
            guard reader.index == buffer.count else { throw reader.error(trailingContent) }
            return value
        }
    }

    /// A value read from the start of a larger buffer: the value, how many bytes it took, and the line and column
    /// of the byte after it.
    package typealias Prefix = (value: LocatedJSON, count: Int, line: Int, column: Int)

    /// Reads the object that starts `bytes` and stops at its end (what follows is the caller's), so a scanner can
    /// read an object straight from its input buffer instead of first copying it out to find where it ends.
    ///
    /// `nil` when the object does not read cleanly within `bytes`: it runs past their end, has a syntax error, or
    /// has a member named `stopKey` (a list the scanner hands out element by element). The caller then reads it
    /// the careful way, which finds and places every error; an object that reads cleanly here is the same value,
    /// with the same positions, as the careful way's.
    package static func readObjectPrefix(
        _ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int, maxStringBytes: Int, startLine: Int, startColumn: Int,
        stopKey: String?
    ) -> Prefix? {
        guard bytes.first == UInt8(ascii: "{") else { return nil }
        var reader = LocatedJSONReader(
            bytes: bytes, maxDepth: maxDepth, maxStringBytes: maxStringBytes, startLine: startLine,
            startColumn: startColumn)
        reader.stopKey = stopKey
        guard let value = try? reader.value(depth: 0) else { return nil }
        return (value, reader.index, reader.line, reader.column)
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int, maxStringBytes: Int, startLine: Int, startColumn: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
        self.maxStringBytes = maxStringBytes
        // Positions of a value cut out of a larger file count from where it started there.
        line = startLine
        lineStart = 1 - startColumn
    }

    var column: Int { index - lineStart - continuationBytes + 1 }

    func error(_ message: String) -> SyntaxError {
        SyntaxError(message: message, line: line, column: column)
    }

    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    func peek(_ offset: Int) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }

    private mutating func skipWhitespace() {
        while let byte = current {
            switch byte {
            // Pretty-printed files indent every line: runs of spaces are passed eight bytes at a time.
            case 0x20: index = ByteRuns.spaces(in: bytes, from: index)
            case 0x09, 0x0D: index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
                continuationBytes = 0
            default: return
            }
        }
    }

    private mutating func value(depth: Int) throws(SyntaxError) -> LocatedJSON {
        let (startLine, startColumn) = (line, column)
        guard let byte = current else { throw error("unexpected end of input: expected a value") }
        let kind: LocatedJSON.Kind
        switch byte {
        case UInt8(ascii: "{"): kind = try object(depth: depth + 1)
        case UInt8(ascii: "["): kind = try array(depth: depth + 1)
        case UInt8(ascii: "\""): kind = .string(try string())
        case UInt8(ascii: "t"): try literal("true"); kind = .bool(true)
        case UInt8(ascii: "f"): try literal("false"); kind = .bool(false)
        case UInt8(ascii: "n"): try literal("null"); kind = .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): kind = try number()
        default: throw error("unexpected character \(Self.show(byte)): expected a value")
        }
        return LocatedJSON(kind: kind, line: startLine, column: startColumn)
    }

    private mutating func literal(_ word: String) throws(SyntaxError) {
        let expected = Array(word.utf8)
        guard bytes.count - index >= expected.count, Array(bytes[index..<index + expected.count]) == expected else {
            throw error("invalid literal: expected '\(word)'")
        }
        index += expected.count
    }

    private mutating func object(depth: Int) throws(SyntaxError) -> LocatedJSON.Kind {
        guard depth <= maxDepth else { throw error("nesting deeper than \(maxDepth) levels") }
        index += 1
        skipWhitespace()
        var members: [LocatedJSON.Member] = []
        // Objects are mostly small: comparing with the earlier keys beats hashing them, up to a point.
        var keys: Set<String>?
        if current == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        // A STIX object has 10–20 members: room for 16 at once instead of growing 1, 2, 4, 8, 16 (four copies).
        if depth == 1 { members.reserveCapacity(16) }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else { throw error("expected a quoted key") }
            let (keyLine, keyColumn) = (line, column)
            let key = try string()
            if let stopKey, depth == 1, key == stopKey { throw error("the object has '\(stopKey)'") }
            if keys == nil, members.count >= 16 { keys = Set(members.map(\.key)) }
            let isNew = keys?.insert(key).inserted ?? !members.contains { $0.key == key }
            guard isNew else {
                throw SyntaxError(message: "duplicate key '\(key)'", line: keyLine, column: keyColumn)
            }
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw error("expected ':' after the key") }
            index += 1
            skipWhitespace()
            members.append(.init(key: key, line: keyLine, column: keyColumn, value: try value(depth: depth)))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                return .object(members)
            default: throw error("expected ',' or '}' in an object")
            }
        }
    }

    private mutating func array(depth: Int) throws(SyntaxError) -> LocatedJSON.Kind {
        guard depth <= maxDepth else { throw error("nesting deeper than \(maxDepth) levels") }
        index += 1
        skipWhitespace()
        var elements: [LocatedJSON] = []
        if current == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try value(depth: depth))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                return .array(elements)
            default: throw error("expected ',' or ']' in a list")
            }
        }
    }

    private mutating func number() throws(SyntaxError) -> LocatedJSON.Kind {
        let start = index
        var isInteger = true
        if current == UInt8(ascii: "-") { index += 1 }
        guard let first = current, Self.isDigit(first) else { throw error("invalid number: expected a digit") }
        index += 1
        if first == UInt8(ascii: "0"), let next = current, Self.isDigit(next) {
            throw error("invalid number: leading zero")
        }
        skipDigits()
        if current == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard let digit = current, Self.isDigit(digit) else { throw error("invalid number: expected a digit after '.'") }
            skipDigits()
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard let digit = current, Self.isDigit(digit) else { throw error("invalid number: expected an exponent") }
            skipDigits()
        }
        return .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self), isInteger: isInteger)
    }

    private mutating func skipDigits() {
        while let byte = current, Self.isDigit(byte) { index += 1 }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (48...57).contains(byte) }
}
