/// The name and namespace of a document's root element, read from its start tag without libxml2: what format
/// recognition looks at in XML, wherever the root starts (after any amount of comments and processing
/// instructions) and however long its start tag is.
package struct XMLRootElement: Sendable, Hashable {
    /// libxml2's own limit on one attribute value (`XML_MAX_TEXT_LENGTH`, kept on as `HUGE` is never set).
    package static let maxAttributeValueBytes = 10_000_000

    /// The local name (`STIX_Package`).
    var name: String
    /// The namespace URI the root's prefix (or the default namespace) is bound to on the root itself.
    var namespace: String?

    /// Reads the root's start tag from the start of `source`: skips a byte-order mark, white space, the XML
    /// declaration, comments and processing instructions.
    /// - Returns: `nil` when the input is not UTF-8/ASCII-compatible markup, has a DOCTYPE, or ends first.
    static func read(from source: inout FileByteSource) throws -> XMLRootElement? {
        var reader = Reader(source: source)
        defer { source = reader.source }
        return try reader.root()
    }

    private struct Reader {
        var source: FileByteSource

        mutating func root() throws -> XMLRootElement? {
            if try source.peek() == 0xEF {
                for _ in 0..<3 { source.skip() }
            }
            while true {
                try skipSpace()
                guard try take(UInt8(ascii: "<")) else { return nil }
                if try take(UInt8(ascii: "?")) {
                    guard try skip(past: Array("?>".utf8)) else { return nil }
                } else if try take(UInt8(ascii: "!")) {
                    // A comment; a DOCTYPE (refused elsewhere) or anything else ends recognition.
                    guard try take(UInt8(ascii: "-")), try take(UInt8(ascii: "-")), try skip(past: Array("-->".utf8))
                    else { return nil }
                } else {
                    return try startTag()
                }
            }
        }

        /// The rest of a start tag after `<`: its name and the namespace declarations among its attributes.
        private mutating func startTag() throws -> XMLRootElement? {
            let qualified = try name()
            guard !qualified.isEmpty else { return nil }
            let (prefix, local) = split(qualified)
            var namespaces: [String: String] = [:]
            while true {
                try skipSpace()
                guard let byte = try source.peek() else { return nil }
                if byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") { break }
                let attribute = try name()
                guard !attribute.isEmpty else { return nil }
                try skipSpace()
                guard try take(UInt8(ascii: "=")) else { return nil }
                try skipSpace()
                // Only namespace declarations are kept; any other value (one may be 100 MB) is skipped over.
                let isDeclaration = attribute == "xmlns" || attribute.hasPrefix("xmlns:")
                guard let value = try quoted(keeping: isDeclaration) else { return nil }
                if attribute == "xmlns" { namespaces[""] = value }
                if attribute.hasPrefix("xmlns:") { namespaces[String(attribute.dropFirst(6))] = value }
            }
            return XMLRootElement(name: local, namespace: namespaces[prefix])
        }

        private func split(_ qualified: String) -> (prefix: String, local: String) {
            guard let colon = qualified.firstIndex(of: ":") else { return ("", qualified) }
            return (String(qualified[..<colon]), String(qualified[qualified.index(after: colon)...]))
        }

        /// A name, of which only the first ``kept`` bytes are kept (no name worth recognising is longer).
        private mutating func name() throws -> String {
            var bytes: [UInt8] = []
            while let byte = try source.peek(), !isSpace(byte), !"=>/<\"'".utf8.contains(byte) {
                if bytes.count < kept { bytes.append(byte) }
                source.skip()
            }
            return String(decoding: bytes, as: UTF8.self)
        }

        /// A quoted value; `nil` when it is not quoted or not closed, or when a kept value is longer than ``kept``.
        private mutating func quoted(keeping: Bool) throws -> String? {
            guard let quote = try source.peek(), quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
            source.skip()
            var bytes: [UInt8] = []
            var length = 0
            while let byte = try source.peek() {
                source.skip()
                if byte == quote { return length > kept ? nil : String(decoding: bytes, as: UTF8.self) }
                length += 1
                if keeping && length <= kept { bytes.append(byte) }
                // Past libxml2's own limit on a value the document is refused anyway: stop looking.
                if length > XMLRootElement.maxAttributeValueBytes { return nil }
            }
            return nil
        }

        private let kept = 4096

        private mutating func take(_ expected: UInt8) throws -> Bool {
            guard try source.peek() == expected else { return false }
            source.skip()
            return true
        }

        private mutating func skip(past terminator: [UInt8]) throws -> Bool {
            // The terminators (`?>`, `-->`) end in a byte they hold once: compare backwards from it.
            guard let final = terminator.last else { return true }
            var recent: [UInt8] = []
            while let byte = try source.peek() {
                source.skip()
                if byte == final, recent.count >= terminator.count - 1, recent.suffix(terminator.count - 1).elementsEqual(terminator.dropLast()) {
                    return true
                }
                if recent.count == terminator.count { recent.removeFirst() }
                recent.append(byte)
            }
            return false
        }

        private mutating func skipSpace() throws {
            while let byte = try source.peek(), isSpace(byte) { source.skip() }
        }

        private func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
    }
}
