package import ExportCore

/// A look at a document's prolog before libxml2 sees any of it: the first line of defence against DOCTYPEs.
///
/// A DOCTYPE can only stand in the prolog, before the root element, so scanning the XML declaration,
/// comments, processing instructions and white space finds it without parsing. Every DOCTYPE is refused:
/// exportctl's formats need none, and refusing them removes external entities, entity expansion bombs and
/// DTD fetches as a class. The parsers stop on any DOCTYPE that gets past this scan as a second layer.
package enum XMLProlog {
    /// The message every refused DOCTYPE carries.
    package static let doctypeMessage = "DOCTYPE declarations are not allowed"
    /// The hint that goes with it.
    static let doctypeHint = "remove the <!DOCTYPE ...> declaration; exportctl never reads DTDs or entities"

    /// The location of a DOCTYPE in the prolog of `head` (the first bytes of a document), if there is one.
    package static func doctypeLocation(in head: some Collection<UInt8>, file: String) -> SourceLocation? {
        let bytes = Array(head)
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                index += 1
            } else if bytes[index...].starts(with: Array("<?".utf8)) {
                guard let end = find(Array("?>".utf8), in: bytes, from: index + 2) else { return nil }
                index = end
            } else if bytes[index...].starts(with: Array("<!--".utf8)) {
                guard let end = find(Array("-->".utf8), in: bytes, from: index + 4) else { return nil }
                index = end
            } else if bytes[index...].starts(with: Array("<!DOCTYPE".utf8)) {
                return location(of: index, in: bytes, file: file)
            } else {
                return nil
            }
        }
        return nil
    }

    /// The diagnostic for a refused DOCTYPE.
    package static func doctypeDiagnostic(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, doctypeMessage, at: location, hint: doctypeHint)
    }

    /// The index just past the first `needle` at or after `start`.
    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index..<index + needle.count].elementsEqual(needle) { return index + needle.count }
            index += 1
        }
        return nil
    }

    private static func location(of offset: Int, in bytes: [UInt8], file: String) -> SourceLocation {
        var line = 1
        var lineStart = 0
        for index in 0..<offset where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return SourceLocation(file: file, line: line, column: offset - lineStart + 1)
    }
}
