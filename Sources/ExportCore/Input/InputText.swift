/// Checks that input bytes are UTF-8 text before any parser sees them.
///
/// UTF-16 and UTF-32 files, binary data and invalid UTF-8 are refused with the place of the first bad byte;
/// a UTF-8 byte-order mark is accepted and dropped.
public enum InputText {
    /// The bytes without a UTF-8 byte-order mark, or the diagnostic that refuses them.
    public static func check(_ bytes: [UInt8], file: String) -> Result<ArraySlice<UInt8>, Diagnostic> {
        let at = { (line: Int, column: Int) in SourceLocation(file: file, line: line, column: column) }
        if bytes.isEmpty {
            return .failure(Diagnostic(.error, "the file is empty", at: at(1, 1), hint: "a report needs at least a title, a date and a producer"))
        }
        if let encoding = wideEncoding(bytes) {
            return .failure(
                Diagnostic(.error, "the file is \(encoding), not UTF-8", at: at(1, 1),
                           hint: "convert it, e.g. iconv -f \(encoding) -t UTF-8"))
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
        guard let bad = firstInvalidByte(body) else { return .success(body) }
        // Only a refused file needs its line and column: counted again up to the bad byte, which the walk
        // above skipped eight ASCII bytes at a time (byte by byte, with both counted, it cost 32 instructions a
        // byte: 4 % of an export).
        var (line, column, index) = (1, 1, body.startIndex)
        while index < bad {
            if body[index] == 0x0A { (line, column) = (line + 1, 1) } else { column += 1 }
            index += sequenceLength(body, at: index)
        }
        let byte = body[bad]
        let what = byte == 0 ? "a NUL byte (binary data?)" : "invalid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true)))"
        return .failure(Diagnostic(.error, "the file has \(what)", at: at(line, column), hint: "save the file as UTF-8 text"))
    }

    /// Where the first byte that is not valid UTF-8, or is NUL, starts; `nil` when there is none.
    private static func firstInvalidByte(_ body: ArraySlice<UInt8>) -> Int? {
        var index = body.startIndex
        while index < body.endIndex {
            index = body.withUnsafeBufferPointer { buffer in
                body.startIndex + ByteRuns.asciiWithoutNUL(in: buffer, from: index - body.startIndex)
            }
            guard index < body.endIndex else { return nil }
            let length = sequenceLength(body, at: index)
            guard length > 0 else { return index }
            index += length
        }
        return nil
    }

    /// The length of the valid UTF-8 sequence at `index`, or 0 if it is invalid (or a NUL).
    private static func sequenceLength(_ bytes: ArraySlice<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        switch lead {
        case 0x01...0x7F: return 1
        case 0xC2...0xDF: return continuation(bytes, index, 1, first: 0x80...0xBF) ? 2 : 0
        case 0xE0: return continuation(bytes, index, 2, first: 0xA0...0xBF) ? 3 : 0
        case 0xED: return continuation(bytes, index, 2, first: 0x80...0x9F) ? 3 : 0
        case 0xE1...0xEF: return continuation(bytes, index, 2, first: 0x80...0xBF) ? 3 : 0
        case 0xF0: return continuation(bytes, index, 3, first: 0x90...0xBF) ? 4 : 0
        case 0xF1...0xF3: return continuation(bytes, index, 3, first: 0x80...0xBF) ? 4 : 0
        case 0xF4: return continuation(bytes, index, 3, first: 0x80...0x8F) ? 4 : 0
        default: return 0
        }
    }

    private static func continuation(_ bytes: ArraySlice<UInt8>, _ index: Int, _ count: Int, first: ClosedRange<UInt8>)
        -> Bool
    {
        guard index + count < bytes.endIndex else { return false }
        guard first.contains(bytes[index + 1]) else { return false }
        return (1..<count).allSatisfy { (0x80...0xBF).contains(bytes[index + 1 + $0]) }
    }

    /// Recognises UTF-16/32 by byte-order mark or by the NUL pattern of ASCII text.
    private static func wideEncoding(_ bytes: [UInt8]) -> String? {
        let head = Array(bytes.prefix(4)) + [UInt8](repeating: 1, count: max(0, 4 - bytes.count))
        switch (head[0], head[1], head[2], head[3]) {
        case (0xFF, 0xFE, 0x00, 0x00): return "UTF-32LE"
        case (0x00, 0x00, 0xFE, 0xFF): return "UTF-32BE"
        case (0xFF, 0xFE, _, _): return "UTF-16LE"
        case (0xFE, 0xFF, _, _): return "UTF-16BE"
        case (_, 0x00, 0x00, 0x00) where head[0] != 0: return "UTF-32LE"
        case (0x00, 0x00, 0x00, _) where head[3] != 0: return "UTF-32BE"
        case (_, 0x00, _, 0x00) where head[0] != 0 && head[2] != 0: return "UTF-16LE"
        case (0x00, _, 0x00, _) where head[1] != 0 && head[3] != 0: return "UTF-16BE"
        default: return nil
        }
    }
}
