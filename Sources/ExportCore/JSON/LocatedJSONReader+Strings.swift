extension LocatedJSONReader {
    /// Reads a string literal, decoding escapes and checking UTF-8 and surrogate pairs.
    mutating func string() throws(SyntaxError) -> String {
        index += 1
        if let text = plainString() { return text }
        var out: [UInt8] = []
        while true {
            guard let byte = current else { throw error("unterminated string") }
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                guard let text = String(validating: out, as: UTF8.self) else { throw error("invalid UTF-8 in a string") }
                return text
            case UInt8(ascii: "\\"):
                index += 1
                try escape(into: &out)
            case 0x00..<0x20:
                throw error("raw control character \(Self.show(byte)) in a string: escape it")
            default:
                guard out.count < maxStringBytes else { throw error("a string longer than \(maxStringBytes) bytes") }
                if byte & 0xC0 == 0x80 { continuationBytes += 1 }
                out.append(byte)
                index += 1
            }
        }
    }

    /// A string without escapes, taken whole (most strings): `nil`, with the position unchanged, when it
    /// has escapes or anything to report, so that the byte-by-byte reader finds and places the problem. The run
    /// is found eight bytes at a time (``ByteRuns``): string content is most of a STIX file.
    private mutating func plainString() -> String? {
        let start = index
        let run = ByteRuns.plainString(in: bytes, from: start)
        guard run.end < bytes.count, bytes[run.end] == UInt8(ascii: "\""), run.end - start <= maxStringBytes,
            let text = Self.text(of: UnsafeBufferPointer(rebasing: bytes[start..<run.end]), isASCII: run.isASCII)
        else { return nil }
        continuationBytes += run.end - start - run.scalars
        index = run.end + 1
        return text
    }

    /// The string of a run of bytes; `nil` when they are not UTF-8. An ASCII run (most of them) is taken as it
    /// is: `String(validating:as:)` is generic over the sequence and runs unspecialised from here, a metadata
    /// look-up and about a thousand instructions a string (10 % of a re-export), where ASCII needs no check.
    private static func text(of run: UnsafeBufferPointer<UInt8>, isASCII: Bool) -> String? {
        isASCII ? String(decoding: run, as: UTF8.self) : String(validating: run, as: UTF8.self)
    }

    private mutating func escape(into out: inout [UInt8]) throws(SyntaxError) {
        guard let byte = current else { throw error("unterminated escape") }
        index += 1
        let simple: [UInt8: UInt8] = [
            UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "/"): 0x2F, UInt8(ascii: "b"): 0x08,
            UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
        ]
        if let decoded = simple[byte] {
            out.append(decoded)
            return
        }
        guard byte == UInt8(ascii: "u") else { throw error("invalid escape '\\\(Character(Unicode.Scalar(byte)))'") }
        var scalar = try hex4()
        if (0xD800..<0xDC00).contains(scalar) {
            guard current == UInt8(ascii: "\\"), peek(1) == UInt8(ascii: "u") else {
                throw error("lone high surrogate in a \\u escape")
            }
            index += 2
            let low = try hex4()
            guard (0xDC00..<0xE000).contains(low) else { throw error("invalid low surrogate in a \\u escape") }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00..<0xE000).contains(scalar) {
            throw error("lone low surrogate in a \\u escape")
        }
        guard let unicode = Unicode.Scalar(scalar) else { throw error("invalid \\u escape") }
        out.append(contentsOf: Array(String(Character(unicode)).utf8))
    }

    private mutating func hex4() throws(SyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current, let digit = Self.hexValue(byte) else { throw error("expected 4 hex digits after \\u") }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 48...57: UInt32(byte - 48)
        case 65...70: UInt32(byte - 55)
        case 97...102: UInt32(byte - 87)
        default: nil
        }
    }

    static func show(_ byte: UInt8) -> String {
        (0x21..<0x7F).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "0x" + String(byte, radix: 16)
    }
}
