package import ExportCore

/// Writes XML as it goes, escaping text and attributes, byte for byte as libxml2's `xmlTextWriter` does.
///
/// Bytes collect in a pending buffer; ``flush(into:)`` hands them to a ``ByteSink``, so a writer that flushes
/// after each top-level object never holds the whole document.
///
/// The writer is plain Swift rather than a wrapper over `xmlTextWriter`: crossing into C for every element,
/// attribute and text (a C string made from each Swift string, a linked-list node per element) cost more than
/// the rest of an export put together. The layout rules are libxml2 2.9.14's, so the output did not change
/// by a byte: see ``XMLStreamWriterTests``.
///
/// ```swift
/// let xml = try XMLStreamWriter(indented: true)
/// try xml.startElement("report", namespace: "urn:exportctl:threat-report:1")
/// try xml.element("title", text: "Partnerships & incidents")
/// try xml.endDocument()
/// var sink = MemorySink()
/// try xml.flush(into: &sink)
/// ```
package final class XMLStreamWriter {
    // Everything lives in one struct that each call mutates once. As stored properties of this class, every
    // `pending.append` and `open[last]` was a run-time exclusivity check (`swift_beginAccess`, a thread-local
    // look-up, `swift_endAccess`): 12 % of a STIX 1.2 export's instructions.
    private var state: State

    /// Starts a UTF-8 document (`<?xml version="1.0" encoding="UTF-8"?>`).
    /// - Parameter indented: two-space indentation between elements; text content is never touched.
    package init(indented: Bool = true) throws {
        state = State(isIndented: indented)
    }

    /// Opens an element, declaring `namespace` as the default namespace when given.
    package func startElement(_ name: String, namespace: String? = nil) throws {
        state.startElement(name, namespace: namespace)
    }

    /// Adds an attribute to the element just opened; `nil` writes nothing.
    package func attribute(_ name: String, _ value: String?) throws {
        guard let value else { return }
        try state.attribute(name, value)
    }

    /// Writes `<name>text</name>`; `nil` writes nothing.
    package func element(_ name: String, text: String?) throws {
        guard let text else { return }
        try state.element(name, text: text)
    }

    /// Writes one `<name>text</name>` per value.
    package func elements(_ name: String, _ texts: [String]) throws {
        for text in texts { try state.element(name, text: text) }
    }

    /// Writes escaped text inside the element just opened.
    package func text(_ text: String) throws {
        try state.text(text)
    }

    /// Closes the innermost open element.
    package func endElement() throws {
        try state.endElement()
    }

    /// Closes every open element and ends the document.
    package func endDocument() throws {
        try state.endDocument()
    }

    /// Moves everything written so far to `sink`.
    package func flush(into sink: inout some ByteSink) throws {
        guard !state.pending.isEmpty else { return }
        try sink.write(state.pending)
        state.pending.removeAll(keepingCapacity: true)
    }

    /// XML 1.0 has no way to write most control characters, not even escaped: refuse them with a clear message
    /// rather than write a document no parser accepts.
    static func requireXMLCharacters(_ text: String, in place: String) throws {
        guard !XMLEscaping.isXMLText(text) else { return }
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: continue
            default:
                let code = String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
                throw ExportError(.invalidInput, "\(place) contains U+\(code), which XML 1.0 cannot carry")
            }
        }
    }

    /// The bytes not yet flushed, the open elements and the layout rules (libxml2's xmlwriter.c).
    private struct State {
        /// An open element.
        struct Open {
            var name: String
            /// A default namespace to declare; libxml2 writes it after the attributes, when the start tag closes.
            var namespace: String?
            /// Whether the start tag is still open (attributes may follow).
            var isStartTagOpen = true
        }

        var pending: [UInt8] = []
        private var open: [Open] = []
        private let isIndented: Bool
        /// libxml2's `doindent`: whether the next end tag goes on its own, indented line.
        private var indentsEndTag = true

        init(isIndented: Bool) {
            self.isIndented = isIndented
            pending.reserveCapacity(1 << 16)
            append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        }

        mutating func startElement(_ name: String, namespace: String?) {
            closeStartTag(newline: true)
            open.append(Open(name: name, namespace: namespace))
            indent()
            pending.append(UInt8(ascii: "<"))
            append(name)
        }

        mutating func attribute(_ name: String, _ value: String) throws {
            try XMLStreamWriter.requireXMLCharacters(value, in: "attribute '\(name)'")
            guard open.last?.isStartTagOpen == true else {
                throw ExportError(.internal, "cannot write @\(name) outside a start tag")
            }
            pending.append(UInt8(ascii: " "))
            append(name)
            append("=\"")
            escape(value, isAttribute: true)
            pending.append(UInt8(ascii: "\""))
        }

        mutating func element(_ name: String, text: String) throws {
            try XMLStreamWriter.requireXMLCharacters(text, in: "<\(name)>")
            startElement(name, namespace: nil)
            write(text)
            try endElement()
        }

        mutating func text(_ text: String) throws {
            try XMLStreamWriter.requireXMLCharacters(text, in: "text")
            guard !open.isEmpty else { throw ExportError(.internal, "cannot write text outside the root element") }
            write(text)
        }

        mutating func endElement() throws {
            guard let element = open.last else { throw ExportError(.internal, "no element to end") }
            if element.isStartTagOpen {
                writeNamespace(of: element)
                indentsEndTag = true
                append("/>")
            } else {
                if isIndented && indentsEndTag { indent() }
                indentsEndTag = true
                append("</")
                append(element.name)
                pending.append(UInt8(ascii: ">"))
            }
            if isIndented { pending.append(UInt8(ascii: "\n")) }
            open.removeLast()
        }

        mutating func endDocument() throws {
            while !open.isEmpty { try endElement() }
            if !isIndented { pending.append(UInt8(ascii: "\n")) }
        }

        /// Text content: ends the start tag without a newline and keeps the end tag on the same line.
        private mutating func write(_ text: String) {
            closeStartTag(newline: false)
            indentsEndTag = false
            escape(text, isAttribute: false)
        }

        /// Ends the innermost start tag, if it is still open, before content or a child.
        private mutating func closeStartTag(newline: Bool) {
            guard let last = open.indices.last, open[last].isStartTagOpen else { return }
            writeNamespace(of: open[last])
            pending.append(UInt8(ascii: ">"))
            if newline && isIndented { pending.append(UInt8(ascii: "\n")) }
            open[last].isStartTagOpen = false
        }

        private mutating func writeNamespace(of element: Open) {
            guard let namespace = element.namespace else { return }
            append(" xmlns=\"")
            escape(namespace, isAttribute: true)
            pending.append(UInt8(ascii: "\""))
        }

        /// Two spaces per open element above the innermost.
        private mutating func indent() {
            guard isIndented, open.count > 1 else { return }
            for _ in 1..<open.count { append("  ") }
        }

        private mutating func append(_ text: String) {
            var text = text
            text.withUTF8 { pending.append(contentsOf: $0) }
        }

        private mutating func escape(_ text: String, isAttribute: Bool) {
            var text = text
            text.withUTF8 { XMLEscaping.append($0, isAttribute: isAttribute, to: &pending) }
        }
    }
}
