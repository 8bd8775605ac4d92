import Export
import Testing

struct LocatedJSONReaderTests {
    @Test func recordsLineAndColumnOfEveryValue() throws {
        let document = try LocatedJSONReader.read(Array("{\n  \"ä\": [1,\n    \"x\"]}".utf8))
        let member = try #require(document.member("ä"))
        #expect((member.line, member.column) == (2, 3))
        let elements = try #require(member.value.elements)
        #expect((elements[0].line, elements[0].column) == (2, 9))
        #expect((elements[1].line, elements[1].column) == (3, 5))
    }

    @Test(arguments: [
        ("{\"a\": 1,}", 1, 9, "quoted key"),
        ("[1, 2,]", 1, 7, "expected a value"),
        ("{\"a\": 01}", 1, 8, "leading zero"),
        ("{\"a\": 1, \"a\": 2}", 1, 10, "duplicate key"),
        ("// c\n{}", 1, 1, "unexpected character"),
        ("{\"a\": \"\\ud800\"}", 1, 14, "lone high surrogate"),
        ("{\"a\": \"tab\there\"}", 1, 11, "raw control character"),
        ("{} {}", 1, 4, "after the document"),
        ("{\"a\": tru}", 1, 7, "invalid literal"),
        ("{\"a\": \"x", 1, 9, "unterminated string"),
    ])
    func refusesWhatLenientReadersAccept(_ text: String, _ line: Int, _ column: Int, _ words: String) {
        #expect {
            _ = try LocatedJSONReader.read(Array(text.utf8))
        } throws: { error in
            guard let error = error as? LocatedJSONReader.SyntaxError else { return false }
            return error.line == line && error.column == column && error.message.contains(words)
        }
    }

    @Test func boundsNestingDepth() {
        let deep = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(throws: LocatedJSONReader.SyntaxError.self) { try LocatedJSONReader.read(Array(deep.utf8), maxDepth: 128) }
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let document = try LocatedJSONReader.read(Array(#"["\u00e9\ud83d\ude00\n\/"]"#.utf8))
        #expect(document.elements?.first?.string == "é😀\n/")
    }
}
