import ExportCore

/// A pass over XML bytes, before libxml2 parses them, that stops the two shapes of markup libxml2 handles in
/// more than linear time: an element with very many attributes (libxml2 compares each attribute with every
/// earlier one, so 100,000 attributes took 24 s) and a text node with very many entity or character
/// references (the streaming schema validator appends each piece of text between two references to the
/// text so far, and so 3.2 million `&amp;` in one element took 47 s).
///
/// It follows only what it must to tell text from tags (quoted attribute values, comments, CDATA sections,
/// processing instructions) and is fed the document a buffer at a time, so it adds one cheap look at each
/// byte. The limits are far above what any document exportctl writes or reads in practice needs.
struct XMLMarkupGuard {
    /// The most attributes (namespace declarations included) one element may have.
    static let maxAttributesPerElement = 256
    /// The most entity and character references (`&amp;`, `&#38;`) the text of one element may have, between
    /// two of its tags.
    static let maxReferencesPerText = 4096
    /// libxml2's own limit on one attribute value, applied here too, so a 100 MB value is refused after 10 MB,
    /// not walked to its end.
    static let maxAttributeValueBytes = XMLRootElement.maxAttributeValueBytes

    private enum State: Equatable {
        case text, afterLessThan, startTag, quoted(UInt8), endTag, bang, comment, cdata, instruction, declaration
    }

    let file: String
    private var state = State.text
    private var line = 1
    private var column = 0
    private var attributes = 0
    private var references = 0
    private var valueBytes = 0
    private var tagLine = 1
    private var tagColumn = 1
    /// The bytes after `<!` so far, to tell a comment from a CDATA section from a declaration.
    private var bang: [UInt8] = []
    /// The last two bytes, to find `-->`, `]]>` and `?>`.
    private var last: (UInt8, UInt8) = (0, 0)

    init(file: String) { self.file = file }

    /// Looks at the next bytes of the document.
    /// - Returns: the finding that refuses the document, at the first byte past a limit; `nil` while within them.
    mutating func check(_ bytes: UnsafeRawBufferPointer) -> Diagnostic? {
        for byte in bytes {
            if byte == 0x0A {
                line += 1
                column = 0
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            switch state {
            case .text:
                if byte == UInt8(ascii: "<") {
                    (state, tagLine, tagColumn) = (.afterLessThan, line, column)
                } else if byte == UInt8(ascii: "&") {
                    references += 1
                    if references > Self.maxReferencesPerText { return tooManyReferences() }
                }
            case .afterLessThan:
                switch byte {
                case UInt8(ascii: "/"): (state, references) = (.endTag, 0)
                case UInt8(ascii: "!"): (state, bang) = (.bang, [])
                case UInt8(ascii: "?"): state = .instruction
                default: (state, attributes, references) = (.startTag, 0, 0)
                }
            case .startTag:
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    (state, valueBytes) = (.quoted(byte), 0)
                } else if byte == UInt8(ascii: "=") {
                    attributes += 1
                    if attributes > Self.maxAttributesPerElement { return tooManyAttributes() }
                } else if byte == UInt8(ascii: ">") {
                    state = .text
                }
            case .quoted(let quote):
                if byte == quote { state = .startTag }
                valueBytes += 1
                if valueBytes > Self.maxAttributeValueBytes { return tooLongValue() }
            case .endTag, .declaration: if byte == UInt8(ascii: ">") { state = .text }
            case .bang:
                bang.append(byte)
                if bang == Array("--".utf8) {
                    state = .comment
                } else if bang == Array("[CDATA[".utf8) {
                    state = .cdata
                } else if !Array("--".utf8).starts(with: bang) && !Array("[CDATA[".utf8).starts(with: bang) {
                    state = .declaration
                }
                last = (0, 0)
                continue
            case .comment: if last == (0x2D, 0x2D) && byte == UInt8(ascii: ">") { state = .text }
            case .cdata: if last == (0x5D, 0x5D) && byte == UInt8(ascii: ">") { state = .text }
            case .instruction: if last.1 == UInt8(ascii: "?") && byte == UInt8(ascii: ">") { state = .text }
            }
            last = (last.1, byte)
        }
        return nil
    }

    /// Checks a whole document held in memory.
    static func check(_ bytes: [UInt8], file: String) -> Diagnostic? {
        var guard_ = XMLMarkupGuard(file: file)
        return bytes.withUnsafeBytes { guard_.check($0) }
    }

    private func tooManyAttributes() -> Diagnostic {
        Diagnostic(
            .error, "an element has more than \(Self.maxAttributesPerElement) attributes",
            at: SourceLocation(file: file, line: tagLine, column: tagColumn),
            hint: "exportctl refuses such elements before parsing: libxml2 takes time that grows with the square of the count")
    }

    private func tooLongValue() -> Diagnostic {
        Diagnostic(
            .error, "an attribute value is longer than \(Self.maxAttributeValueBytes) bytes",
            at: SourceLocation(file: file, line: tagLine, column: tagColumn),
            hint: "exportctl keeps libxml2's limits on untrusted XML: 256 levels of nesting, 10 MB per text or attribute value")
    }

    private func tooManyReferences() -> Diagnostic {
        Diagnostic(
            .error, "the text of an element has more than \(Self.maxReferencesPerText) entity or character references",
            at: SourceLocation(file: file, line: line, column: column),
            hint: "exportctl refuses such text before parsing: libxml2's streaming validation takes time that grows with the square of the count; use a CDATA section for long escaped text")
    }
}
