import ExportCore
import ExportTestSupport
import Testing

/// The word-at-a-time runs of the scanner, the writers and the input check find what a byte-by-byte walk finds.
struct ByteRunsTests {
    /// Random mixes of ASCII, UTF-8 (and a stray lead byte), spaces and the bytes that end a run, at every start.
    @Test(arguments: 1...40)
    func runsEndWhereAByteByByteWalkEnds(seed: Int) {
        var generator = SplitMix64(seed: UInt64(seed))
        let pieces: [[UInt8]] = [
            [0x61], [0x20], [0x20, 0x20, 0x20, 0x20], [0x7F], Array("é".utf8), Array("✓".utf8), Array("𝄞".utf8), [0xC3],
            [0x22], [0x5C], [0x0A], [0x09], [0x1F], [0x00],
        ]
        let ends: Set<UInt8> = [0x22, 0x5C, 0x0A, 0x09, 0x1F, 0x00]
        var bytes: [UInt8] = []
        while bytes.count < 64 {
            let piece = pieces[generator.int(below: pieces.count)]
            // Run-ending bytes are rarer than content, as in a file.
            if piece.count == 1, ends.contains(piece[0]), generator.int(below: 4) != 0 { continue }
            bytes += piece
        }
        bytes.withUnsafeBufferPointer { chunk in
            for start in chunk.indices {
                var (end, scalars, isASCII) = (start, 0, true)
                while end < chunk.count, chunk[end] >= 0x20, chunk[end] != 0x22, chunk[end] != 0x5C {
                    if chunk[end] & 0xC0 != 0x80 { scalars += 1 }
                    if chunk[end] >= 0x80 { isASCII = false }
                    end += 1
                }
                let found = ByteRuns.plainString(in: chunk, from: start)
                #expect(
                    found.end == end && found.scalars == scalars && found.isASCII == isASCII, "from \(start) in \(bytes)")
                #expect(ByteRuns.plainStringEnd(in: chunk, from: start) == end, "from \(start) in \(bytes)")
                let ascii = chunk[start...].firstIndex { $0 == 0 || $0 >= 0x80 } ?? chunk.count
                #expect(ByteRuns.asciiWithoutNUL(in: chunk, from: start) == ascii, "from \(start) in \(bytes)")
                let quoteOrNewline = chunk[start...].firstIndex { $0 == 0x22 || $0 == 0x0A } ?? chunk.count
                #expect(ByteRuns.newlineOrQuote(in: chunk, from: start) == quoteOrNewline, "from \(start) in \(bytes)")
                var spaces = start
                while spaces < chunk.count, chunk[spaces] == 0x20 { spaces += 1 }
                #expect(ByteRuns.spaces(in: chunk, from: start) == spaces, "from \(start) in \(bytes)")
            }
        }
    }
}
