/// Runs of input bytes that need no decision one byte at a time, found eight bytes at a time.
///
/// Why: every byte of a streamed bundle is walked twice, once to find where each object ends
/// (``JSONStreamScanner/ValueExtent``) and once to read it (``LocatedJSONReader``), and most of those bytes are
/// string content or the indentation of a pretty-printed file; every byte of every input read whole is walked
/// once more for the length limit (``InputFile``). Byte by byte, those walks were the largest costs of
/// `validate` (18 % of its time) and 14–24 instructions a byte of a re-export; a 64-bit word tests eight bytes
/// at once for the few that end a run.
package enum ByteRuns {
    /// A run of string content.
    package struct StringRun {
        /// Where it ends: at a `"`, a `\`, a control byte (below 0x20), or the end of the bytes.
        package var end: Int
        /// How many Unicode scalars it holds (its bytes other than UTF-8 continuation bytes), for columns.
        package var scalars: Int
        /// Whether every byte is ASCII (then it is UTF-8 with no need to check).
        package var isASCII: Bool
    }

    /// The run of string content from `start`.
    package static func plainString(in chunk: UnsafeBufferPointer<UInt8>, from start: Int) -> StringRun {
        var (index, scalars, high) = (start, 0, UInt64(0))
        if let base = UnsafeRawPointer(chunk.baseAddress) {
            while index + 8 <= chunk.count {
                let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if has(UInt8(ascii: "\""), in: word) || has(UInt8(ascii: "\\"), in: word) || hasControl(word) { break }
                // A continuation byte is 10xxxxxx: its top bit set and the next one clear.
                scalars += 8 - (word & ~(word << 1) & highBits).nonzeroBitCount
                high |= word & highBits
                index += 8
            }
        }
        while index < chunk.count {
            let byte = chunk[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            if byte & 0xC0 != 0x80 { scalars += 1 }
            high |= UInt64(byte & 0x80)
            index += 1
        }
        return StringRun(end: index, scalars: scalars, isASCII: high == 0)
    }

    /// Where the run of string content from `start` ends, for writers, which need no scalar count.
    ///
    /// Writers call this for every string they write, most of them a few words long: the last partial word is
    /// padded with spaces (which end no run) instead of walked byte by byte, and the first byte that ends the
    /// run is read off the match mask (`plainString`'s way cost ~190 instructions a string).
    package static func plainStringEnd(in chunk: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = UnsafeRawPointer(chunk.baseAddress) else { return start }
        var index = start
        while index < chunk.count {
            var word = 0x2020_2020_2020_2020 as UInt64
            if chunk.count - index >= 8 {
                word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            } else {
                withUnsafeMutableBytes(of: &word) {
                    $0.copyMemory(from: UnsafeRawBufferPointer(start: base + index, count: chunk.count - index))
                }
            }
            // Little-endian, so the lowest set bit is the first byte; a mask's lowest bit is exact (the
            // borrow that can flag a later byte never flags an earlier one).
            word = UInt64(littleEndian: word)
            let mask = matches(UInt8(ascii: "\""), in: word) | matches(UInt8(ascii: "\\"), in: word) | controls(word)
            // `min` only in case: a padding space never matches, so the first match is within the bytes.
            if mask != 0 { return min(index + mask.trailingZeroBitCount / 8, chunk.count) }
            index += 8
        }
        return chunk.count
    }

    /// Where the run of spaces (0x20) from `start` ends.
    package static func spaces(in chunk: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        if let base = UnsafeRawPointer(chunk.baseAddress) {
            while index + 8 <= chunk.count, base.loadUnaligned(fromByteOffset: index, as: UInt64.self) == 0x2020_2020_2020_2020 {
                index += 8
            }
        }
        while index < chunk.count, chunk[index] == 0x20 { index += 1 }
        return index
    }

    /// Where the first newline or `"` from `start` is (the end of the bytes when there is none).
    package static func newlineOrQuote(in chunk: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        if let base = UnsafeRawPointer(chunk.baseAddress) {
            while index + 8 <= chunk.count {
                let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if has(0x0A, in: word) || has(UInt8(ascii: "\""), in: word) { break }
                index += 8
            }
        }
        while index < chunk.count, chunk[index] != 0x0A, chunk[index] != UInt8(ascii: "\"") { index += 1 }
        return index
    }

    /// Where the run of ASCII bytes other than NUL from `start` ends: at a NUL, a byte of 0x80 or above, or the
    /// end of the bytes.
    package static func asciiWithoutNUL(in chunk: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        if let base = UnsafeRawPointer(chunk.baseAddress) {
            while index + 8 <= chunk.count {
                let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if word & highBits != 0 || (word &- lowBits) & ~word & highBits != 0 { break }
                index += 8
            }
        }
        while index < chunk.count, chunk[index] != 0, chunk[index] < 0x80 { index += 1 }
        return index
    }

    private static let lowBits: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Whether any byte of `word` is below 0x20.
    private static func hasControl(_ word: UInt64) -> Bool { controls(word) != 0 }

    /// Whether any byte of `word` is `byte`.
    private static func has(_ byte: UInt8, in word: UInt64) -> Bool { matches(byte, in: word) != 0 }

    /// The high bit set in bytes of `word` below 0x20 (the zero-byte test, with 0x20 for 1: exact below 0x80
    /// up to the first such byte; later bytes may be flagged by its borrow).
    private static func controls(_ word: UInt64) -> UInt64 {
        (word &- lowBits &* 0x20) & ~word & highBits
    }

    /// The high bit set in bytes of `word` equal to `byte` (a zero byte of `word ^ pattern`, found without a
    /// loop; exact up to the first match).
    private static func matches(_ byte: UInt8, in word: UInt64) -> UInt64 {
        let difference = word ^ (lowBits &* UInt64(byte))
        return (difference &- lowBits) & ~difference & highBits
    }
}
