import Export
import ExportTestSupport
import Testing

/// `InputText.check` skips ASCII eight bytes at a time and counts lines only for a refused file: the place it
/// reports must be where the first bad byte is, counted in Unicode scalars as the standard library decodes the
/// valid text before it.
struct InputTextTests {
    private static let pieces: [[UInt8]] = [
        Array("abcdefgh".utf8), Array("key: value\n".utf8), Array("café ".utf8), Array("中文\n".utf8),
        Array("😀".utf8), Array("\n".utf8), Array("x".utf8), Array(String(repeating: " ", count: 17).utf8),
    ]
    private static let badSequences: [[UInt8]] = [[0x00], [0xFF], [0x80], [0xE4, 0xB8], [0xC0, 0xAF], [0xED, 0xA0, 0x80]]

    @Test(arguments: 1...40)
    func theFirstBadByteIsReportedWhereItIs(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var valid: [UInt8] = []
        for _ in 0..<Int.random(in: 0...60, using: &random) {
            valid += Self.pieces[Int.random(in: 0..<Self.pieces.count, using: &random)]
        }
        let bad = Self.badSequences[Int.random(in: 0..<Self.badSequences.count, using: &random)]
        let input = Array("t".utf8) + valid + bad + Array("tail after the bad byte\n".utf8)

        let prefix = String(decoding: Array("t".utf8) + valid, as: UTF8.self)
        let lines = prefix.split(separator: "\n", omittingEmptySubsequences: false)
        let expected = (line: lines.count, column: (lines.last?.unicodeScalars.count ?? 0) + 1)

        guard case .failure(let diagnostic) = InputText.check(input, file: "f") else {
            Issue.record("accepted \(bad)")
            return
        }
        #expect(diagnostic.location?.line == expected.line)
        #expect(diagnostic.location?.column == expected.column)
        #expect(diagnostic.message.contains(bad[0] == 0 ? "NUL" : "byte 0x\(String(bad[0], radix: 16, uppercase: true))"))
    }

    @Test(arguments: 1...20)
    func validTextIsAcceptedWhole(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var input: [UInt8] = Array("t".utf8)
        for _ in 0..<Int.random(in: 0...80, using: &random) {
            input += Self.pieces[Int.random(in: 0..<Self.pieces.count, using: &random)]
        }
        guard case .success(let body) = InputText.check(input, file: "f") else {
            Issue.record("refused valid UTF-8")
            return
        }
        #expect(Array(body) == input)
        guard case .success(let withoutMark) = InputText.check([0xEF, 0xBB, 0xBF] + input, file: "f") else {
            Issue.record("refused valid UTF-8 after a byte-order mark")
            return
        }
        #expect(Array(withoutMark) == input)
    }

    @Test func aBadByteAfterAByteOrderMarkIsPlacedInTheTextAfterIt() {
        guard case .failure(let diagnostic) = InputText.check([0xEF, 0xBB, 0xBF] + Array("ab\ncé".utf8) + [0xFF], file: "f")
        else {
            Issue.record("accepted 0xFF")
            return
        }
        #expect(diagnostic.location?.line == 2)
        #expect(diagnostic.location?.column == 3)
    }
}
