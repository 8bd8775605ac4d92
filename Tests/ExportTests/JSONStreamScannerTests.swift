@testable import Export
import Testing

/// The bundle scanner's value capture, fed a buffer at a time, ends values and counts lines and columns
/// exactly as reading them whole would.
struct JSONStreamScannerTests {
    /// Each input, and the bytes of the value at its start.
    static let cases: [(input: String, value: String)] = [
        (#"{"a": "x\"}", "b": [1, {"c": "é]"}]}, {"next": 1}"#, #"{"a": "x\"}", "b": [1, {"c": "é]"}]}"#),
        ("[1,\n [2, \"\\\\\"]]\n]", "[1,\n [2, \"\\\\\"]]"),
        ("\"ab\\\"c\" : 1", "\"ab\\\"c\""),
        ("true, 1", "true"),
        ("-12.5e3]", "-12.5e3"),
        ("null}", "null"),
        ("7\n", "7"),
        ("\"unterminated", "\"unterminated"),
        ("{\"open\": [1, 2", "{\"open\": [1, 2"),
        // A scalar ends where another value would start, as a reader of the whole file sees it.
        ("true[1]", "true"),
        ("12\"x\"", "12"),
        ("nul{}", "nul"),
    ]

    /// Runs the capture over `input` cut into pieces of `size` bytes.
    static func capture(_ input: String, chunk size: Int) -> (value: [UInt8], line: Int, column: Int) {
        let bytes = Array(input.utf8)
        var extent = JSONStreamScanner.ValueExtent(line: 3, column: 5)
        var taken: [UInt8] = []
        var start = 0
        while start < bytes.count, !extent.done {
            let piece = Array(bytes[start..<min(bytes.count, start + size)])
            let used = piece.withUnsafeBufferPointer { extent.advance(over: $0) }
            taken += piece[..<used]
            start += used
            if used < piece.count { break }
        }
        return (taken, extent.line, extent.column)
    }

    @Test(arguments: cases.indices)
    func capturesTheSameValueWhateverTheBufferSize(_ index: Int) {
        let (input, value) = Self.cases[index]
        let whole = Self.capture(input, chunk: input.utf8.count)
        #expect(whole.value == Array(value.utf8))
        // Where the next byte is: after the value's last line feed, or on the starting line.
        let lines = value.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLine = 3 + lines.count - 1
        let expectedColumn = (lines.count == 1 ? 5 : 1) + (lines.last?.unicodeScalars.count ?? 0)
        #expect(whole.line == expectedLine && whole.column == expectedColumn, "\(input)")
        for size in 1...4 {
            let split = Self.capture(input, chunk: size)
            #expect(split.value == whole.value && split.line == whole.line && split.column == whole.column, "\(input) by \(size)")
        }
    }

    /// Watching `object_refs`, each input's walk stops before the `[` of the top-level object's list (the
    /// expected text is what comes before it) or, with no such list, takes the whole value; the same for
    /// every buffer size, so a key or a pause split across buffers changes nothing.
    static let watchedCases: [(input: String, before: String, pauses: Bool)] = [
        (#"{"a": 1, "object_refs" : [1, 2]}"#, #"{"a": 1, "object_refs" : "#, true),
        (#"{"object_refs":[]}"#, #"{"object_refs":"#, true),
        ("{\n  \"x\": {\"object_refs\": [1]},\n  \"object_refs\":\n [2]}", "{\n  \"x\": {\"object_refs\": [1]},\n  \"object_refs\":\n ", true),
        (#"{"é": "object_refs", "object_refs": [3]}"#, #"{"é": "object_refs", "object_refs": "#, true),
        (#"{"object\u005frefs": [1]}"#, #"{"object\u005frefs": [1]}"#, false),
        (#"{"object_refs": "a", "b": [1]}"#, #"{"object_refs": "a", "b": [1]}"#, false),
        (#"{"object_refsx": [1], "object_ref": [2]}"#, #"{"object_refsx": [1], "object_ref": [2]}"#, false),
        (#"["x", "object_refs": [1]]"#, #"["x", "object_refs": [1]]"#, false),
        (#"{"a": "object_refs", "b": [1]}"#, #"{"a": "object_refs", "b": [1]}"#, false),
    ]

    @Test(arguments: watchedCases.indices)
    func pausesAtTheWatchedListWhateverTheBufferSize(_ index: Int) {
        let (input, before, pauses) = Self.watchedCases[index]
        let bytes = Array(input.utf8)
        for size in 1...5 {
            var extent = JSONStreamScanner.ValueExtent(line: 1, column: 1, watching: Array("object_refs".utf8))
            var taken: [UInt8] = []
            var start = 0
            while start < bytes.count, !extent.done, !extent.paused {
                let piece = Array(bytes[start..<min(bytes.count, start + size)])
                let used = piece.withUnsafeBufferPointer { extent.advance(over: $0) }
                taken += piece[..<used]
                start += used
            }
            #expect(String(decoding: taken, as: UTF8.self) == before, "\(input) by \(size)")
            #expect(extent.paused == pauses && extent.done != pauses, "\(input) by \(size)")
            let lines = before.split(separator: "\n", omittingEmptySubsequences: false)
            let column = 1 + (lines.last?.unicodeScalars.count ?? 0)
            #expect(extent.line == lines.count && extent.column == column, "\(input) by \(size)")
        }
    }
}
