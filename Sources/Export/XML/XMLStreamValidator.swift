internal import CLibXML

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Validates a document against a schema while streaming it through `xmlTextReader`, so memory stays flat
/// however large the file is.
///
/// Input goes through our own read callback: libxml2 opens no file, decompresses nothing and resolves no URL.
///
/// ```swift
/// let findings = try XMLStreamValidator.validate(path: "big.xml", against: schema)
/// ```
package enum XMLStreamValidator {
    /// Feeds the reader: the bytes already read for the prolog check, then the rest of the descriptor.
    private final class Source {
        var head: [UInt8]
        var offset = 0
        let descriptor: Int32
        var failure: Int32 = 0

        init(head: [UInt8], descriptor: Int32) {
            self.head = head
            self.descriptor = descriptor
        }

        func read(into buffer: UnsafeMutablePointer<CChar>, count: Int) -> Int32 {
            if offset < head.count {
                let n = min(count, head.count - offset)
                head.withUnsafeBytes { source in
                    let slice = UnsafeRawBufferPointer(rebasing: source[offset..<offset + n])
                    UnsafeMutableRawBufferPointer(start: buffer, count: n).copyMemory(from: slice)
                }
                offset += n
                return Int32(n)
            }
            guard descriptor >= 0 else { return 0 }
            while true {
                let n = Glibc.read(descriptor, buffer, count)
                if n < 0 && errno == EINTR { continue }
                if n < 0 { failure = errno }
                if n > 0 { ProgressMeter.current?.advance(by: n) }
                return Int32(max(n, -1))
            }
        }
    }

    /// Validates the file at `path`.
    /// - Returns: every finding; empty when the document is valid.
    /// - Throws: ``ExportError`` `.io` when the file cannot be opened.
    package static func validate(path: String, against schema: XMLSchema) throws -> [Diagnostic] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw ExportError(.io, "\(path): cannot open: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var info = stat()
        if fstat(descriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
            throw ExportError(.io, "\(path): is a directory, not a file")
        }
        // 64 KB is enough for any honest prolog.
        let head = try FileHead.read(descriptor)
        return validate(Source(head: head, descriptor: descriptor), name: path, schema: schema) {
            lseek(descriptor, 0, SEEK_SET) == 0 ? Source(head: [], descriptor: descriptor) : nil
        }
    }

    /// Validates bytes held in memory.
    package static func validate(_ bytes: [UInt8], file: String, against schema: XMLSchema) -> [Diagnostic] {
        validate(Source(head: bytes, descriptor: -1), name: file, schema: schema) {
            Source(head: bytes, descriptor: -1)
        }
    }

    /// Streams the source through the schema. libxml2 2.9.14 loses parse errors while a schema is plugged into
    /// the reader (they reach the plug, not our handler), so a document that is not well-formed is read again
    /// from `rewind` without the schema, which reports each parse error with its line and column.
    private static func validate(
        _ source: Source, name: String, schema: XMLSchema, rewind: () -> Source?
    ) -> [Diagnostic] {
        LibXML.initialize()
        let start = SourceLocation(file: name, line: 1, column: 1)
        if let doctype = XMLProlog.doctypeLocation(in: source.head, file: name) {
            return [XMLProlog.doctypeDiagnostic(at: doctype)]
        }
        if source.head.isEmpty {
            return [Diagnostic(.error, "the file is empty", at: start, hint: "an XML document needs a root element")]
        }
        let validated = read(source, name: name, schema: schema)
        guard validated.isWellFormed == false, let again = rewind() else { return validated.findings }
        let parsed = read(again, name: name, schema: nil)
        let findings = validated.findings.filter { $0.message != notWellFormed } + parsed.findings
        return findings.isEmpty ? [Diagnostic(.error, notWellFormed, at: start)] : findings
    }

    private static let notWellFormed = "not a well-formed XML document"

    private static func read(_ source: Source, name: String, schema: XMLSchema?) -> (
        findings: [Diagnostic], isWellFormed: Bool
    ) {
        let start = SourceLocation(file: name, line: 1, column: 1)
        let collector = XMLDiagnosticCollector(file: name)
        return withExtendedLifetime((collector, source)) {
            let context = Unmanaged.passUnretained(source).toOpaque()
            guard
                let reader = xmlReaderForIO(
                    { context, buffer, length in
                        guard let context, let buffer else { return -1 }
                        return Unmanaged<Source>.fromOpaque(context).takeUnretainedValue()
                            .read(into: buffer, count: Int(length))
                    }, nil, context, name, nil, LibXML.untrustedOptions)
            else { return ([Diagnostic(.error, "libxml2 could not create a reader", at: start)], false) }
            defer { xmlFreeTextReader(reader) }
            // Before the schema: attaching a schema plugs its own SAX handler, and a handler set afterwards
            // would be called with the plug instead of the parser context (a crash in 2.9.14).
            xmlTextReaderSetStructuredErrorHandler(reader, collectStructuredError, collector.opaque)
            if let schema, !schema.attach(to: reader) {
                return ([Diagnostic(.error, "libxml2 could not attach the schema \(schema.name)", at: start)], true)
            }
            var status: Int32 = 1
            while status == 1 {
                status = xmlTextReaderRead(reader)
                if status == 1 && xmlTextReaderNodeType(reader) == Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue) {
                    let line = Int(xmlTextReaderGetParserLineNumber(reader))
                    collector.append(XMLProlog.doctypeDiagnostic(at: SourceLocation(file: name, line: max(1, line), column: 1)))
                    return (collector.findings, true)
                }
            }
            if source.failure != 0 {
                collector.append(Diagnostic(.error, "read failed: \(String(cString: strerror(source.failure)))", at: start))
            }
            if status < 0 && !collector.diagnostics.hasErrors { collector.append(Diagnostic(.error, notWellFormed, at: start)) }
            if let schema, status == 0, xmlTextReaderIsValid(reader) != 1, !collector.diagnostics.hasErrors {
                collector.append(Diagnostic(.error, "the document is not valid against \(schema.name)", at: start))
            }
            return (collector.findings, status == 0)
        }
    }
}
