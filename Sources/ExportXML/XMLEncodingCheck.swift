import ExportCore

internal import CLibXML

/// The encoding of an XML document, checked before libxml2 sees a byte of it.
///
/// libxml2 converts other encodings through iconv, and its conversion errors go to the process-wide error
/// channel (standard error), not to the parser context: an EBCDIC-labelled file printed raw "encoding error"
/// lines and then a misleading "the file is empty" hint. So only encodings that cannot fail that way are read:
/// UTF-8 and ASCII (libxml2 then reads UTF-8 and ignores the label, so a stray non-ASCII byte is an ordinary
/// located UTF-8 finding), ISO-8859-1 (every byte is a character) and UTF-16 (recognised by its byte-order mark
/// or its first bytes). Anything else, declared or shown by the first bytes (EBCDIC, UCS-4), is refused with
/// one located error.
enum XMLEncodingCheck {
    /// The parse options the document's encoding needs, or the diagnostic that refuses it.
    static func options(for head: [UInt8], file: String) -> Result<Int32, Diagnostic> {
        let start = SourceLocation(file: file, line: 1, column: 1)
        let refuse = { (encoding: String) -> Result<Int32, Diagnostic> in
            .failure(
                Diagnostic(
                    .error, "the document is in \(encoding); exportctl reads XML only in UTF-8, UTF-16, ASCII or ISO-8859-1",
                    at: start, hint: "convert it, e.g. iconv -f \(encoding) -t UTF-8, and declare encoding=\"UTF-8\""))
        }
        let first = Array(head.prefix(4)) + [UInt8](repeating: 1, count: max(0, 4 - head.count))
        switch (first[0], first[1], first[2], first[3]) {
        case (0x4C, 0x6F, 0xA7, 0x94): return refuse("EBCDIC")
        case (0x00, 0x00, 0x00, 0x3C), (0x3C, 0x00, 0x00, 0x00), (0x00, 0x00, 0x3C, 0x00), (0x00, 0x3C, 0x00, 0x00),
            (0x00, 0x00, 0xFE, 0xFF), (0xFF, 0xFE, 0x00, 0x00):
            return refuse("UCS-4")
        case (0xFE, 0xFF, _, _), (0xFF, 0xFE, _, _), (0x00, 0x3C, 0x00, 0x3F), (0x3C, 0x00, 0x3F, 0x00):
            // UTF-16: the declaration's ASCII characters are every other byte.
            let offset = first[0] == 0x00 || first[0] == 0xFE ? 1 : 0
            let narrow = stride(from: offset, to: min(head.count, 2048), by: 2).map { head[$0] }
            let declared = declaredEncoding(narrow.drop { $0 == 0xFE || $0 == 0xFF })
            guard let declared, !declared.uppercased().hasPrefix("UTF-16") else { return .success(0) }
            return refuse(declared)
        default:
            let body = head.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(head.dropFirst(3)) : head
            guard let declared = declaredEncoding(body.prefix(2048)) else { return .success(0) }
            switch declared.uppercased() {
            case "UTF-8", "UTF8", "US-ASCII", "ASCII": return .success(ignoresDeclaration)
            case "ISO-8859-1", "ISO_8859-1", "ISO-LATIN-1", "LATIN1", "LATIN-1": return .success(0)
            case let other where other.hasPrefix("UTF-16"):
                return .failure(
                    Diagnostic(
                        .error, "the document declares \(declared) but is not UTF-16", at: start,
                        hint: "declare the encoding the file is saved in (UTF-8 for most files)"))
            default: return refuse(declared)
            }
        }
    }

    private static let ignoresDeclaration = Int32(bitPattern: XML_PARSE_IGNORE_ENC.rawValue)

    /// The `encoding` of an XML declaration at the very start of `bytes`, if there is one.
    private static func declaredEncoding(_ bytes: some Collection<UInt8>) -> String? {
        let bytes = Array(bytes)
        guard bytes.starts(with: Array("<?xml".utf8)), let end = bytes.firstRange(of: Array("?>".utf8)),
            let key = bytes[..<end.lowerBound].firstRange(of: Array("encoding".utf8))
        else { return nil }
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }
        var rest = bytes[key.upperBound..<end.lowerBound].drop(while: isSpace)
        guard rest.first == UInt8(ascii: "=") else { return nil }
        rest = rest.dropFirst().drop(while: isSpace)
        guard let quote = rest.first, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
        return String(decoding: rest.dropFirst().prefix { $0 != quote }, as: UTF8.self)
    }
}
