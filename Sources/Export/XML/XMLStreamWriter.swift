internal import CLibXML

/// Writes XML as it goes, over libxml2's `xmlTextWriter`, which escapes text and attributes.
///
/// Bytes collect in a small pending buffer; ``flush(into:)`` hands them to a ``ByteSink``, so a writer that
/// flushes after each top-level object never holds the whole document.
///
/// ```swift
/// let xml = try XMLStreamWriter(indented: true)
/// try xml.startElement("report", namespace: "urn:exportctl:threat-report:1")
/// try xml.element("title", text: "Partnerships & incidents")
/// try xml.endDocument()
/// var sink = MemorySink()
/// try xml.flush(into: &sink)
/// ```
final class XMLStreamWriter {
    /// Receives libxml2's output callbacks; retained by the output buffer and released in its close callback.
    private final class Pending {
        var bytes: [UInt8] = []
    }

    private let writer: xmlTextWriterPtr
    private let pending = Pending()

    /// Starts a UTF-8 document (`<?xml version="1.0" encoding="UTF-8"?>`).
    /// - Parameter indented: two-space indentation between elements; text content is never touched.
    init(indented: Bool = true) throws {
        LibXML.initialize()
        let context = Unmanaged.passRetained(pending).toOpaque()
        guard
            let output = xmlOutputBufferCreateIO(
                { context, buffer, length in
                    guard let context, let buffer, length > 0 else { return 0 }
                    let pending = Unmanaged<Pending>.fromOpaque(context).takeUnretainedValue()
                    buffer.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
                        pending.bytes.append(contentsOf: UnsafeBufferPointer(start: $0, count: Int(length)))
                    }
                    return length
                },
                { context in
                    if let context { Unmanaged<Pending>.fromOpaque(context).release() }
                    return 0
                }, context, nil)
        else {
            Unmanaged<Pending>.fromOpaque(context).release()
            throw ExportError(.internal, "libxml2 could not create an output buffer")
        }
        guard let writer = xmlNewTextWriter(output) else {
            xmlOutputBufferClose(output)  // the writer did not take ownership
            throw ExportError(.internal, "libxml2 could not create a text writer")
        }
        self.writer = writer
        if indented {
            try check(xmlTextWriterSetIndent(writer, 1), "set indentation")
            try check(xmlTextWriterSetIndentString(writer, "  "), "set indentation")
        }
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "start the document")
    }

    deinit { xmlFreeTextWriter(writer) }

    /// Opens an element, declaring `namespace` as the default namespace when given.
    func startElement(_ name: String, namespace: String? = nil) throws {
        if let namespace {
            try check(xmlTextWriterStartElementNS(writer, nil, name, namespace), "start <\(name)>")
        } else {
            try check(xmlTextWriterStartElement(writer, name), "start <\(name)>")
        }
    }

    /// Adds an attribute to the element just opened; `nil` writes nothing.
    func attribute(_ name: String, _ value: String?) throws {
        guard let value else { return }
        try Self.requireXMLCharacters(value, in: "attribute '\(name)'")
        try check(xmlTextWriterWriteAttribute(writer, name, value), "write @\(name)")
    }

    /// Writes `<name>text</name>`; `nil` writes nothing.
    func element(_ name: String, text: String?) throws {
        guard let text else { return }
        try Self.requireXMLCharacters(text, in: "<\(name)>")
        try check(xmlTextWriterWriteElement(writer, name, text), "write <\(name)>")
    }

    /// Writes one `<name>text</name>` per value.
    func elements(_ name: String, _ texts: [String]) throws {
        for text in texts { try element(name, text: text) }
    }

    /// Writes escaped text inside the element just opened.
    func text(_ text: String) throws {
        try Self.requireXMLCharacters(text, in: "text")
        try check(xmlTextWriterWriteString(writer, text), "write text")
    }

    /// Writes a comment.
    func comment(_ text: String) throws {
        try check(xmlTextWriterWriteComment(writer, text), "write a comment")
    }

    /// Closes the innermost open element.
    func endElement() throws {
        try check(xmlTextWriterEndElement(writer), "end an element")
    }

    /// Closes every open element and ends the document.
    func endDocument() throws {
        try check(xmlTextWriterEndDocument(writer), "end the document")
    }

    /// Moves everything written so far to `sink`.
    func flush(into sink: inout some ByteSink) throws {
        try check(xmlTextWriterFlush(writer), "flush")
        guard !pending.bytes.isEmpty else { return }
        let chunk = pending.bytes
        pending.bytes.removeAll(keepingCapacity: true)
        try sink.write(chunk)
    }

    /// XML 1.0 has no way to write most control characters, not even escaped: refuse them with a clear message
    /// rather than write a document no parser accepts.
    static func requireXMLCharacters(_ text: String, in place: String) throws {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: continue
            default:
                let code = String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
                throw ExportError(.invalidInput, "\(place) contains U+\(code), which XML 1.0 cannot carry")
            }
        }
    }

    private func check(_ status: Int32, _ operation: String) throws {
        guard status >= 0 else {
            throw ExportError(.internal, "libxml2 could not \(operation) (status \(status))")
        }
    }
}
