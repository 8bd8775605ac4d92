import Export
import Testing

/// What a file can put in a message is shown, never obeyed.
struct VisibleTextTests {
    @Test func controlCharactersBecomeVisibleEscapes() {
        #expect(VisibleText.escaped("a\u{1B}]0;t\u{07}b") == #"a\x1b]0;t\x07b"#)
        #expect(VisibleText.escaped("\u{0}\r\u{7F}\u{9B}") == #"\x00\x0d\x7f\x9b"#)
        #expect(VisibleText.escaped("\u{FFFE}\u{FFFF}") == #"\u{FFFE}\u{FFFF}"#)
    }

    @Test func ordinaryTextIsKept() {
        for text in ["plain", "tab\tand\nnewline", "naïve café 日本", "back\\slash", ""] {
            #expect(VisibleText.escaped(text) == text)
        }
    }
}
