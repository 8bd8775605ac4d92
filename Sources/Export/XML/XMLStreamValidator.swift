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
                return Int32(max(n, -1))
            }
        }
    }

    /// Validates the file at `path` (`-` for standard input).
    /// - Returns: every finding; empty when the document is valid.
    /// - Throws: ``ExportError`` `.io` when the file cannot be opened.
    package static func validate(path: String, against schema: XMLSchema) throws -> [Diagnostic] {
        let name = path == "-" ? InputFile.standardInputName : path
        let descriptor: Int32 = path == "-" ? 0 : open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw ExportError(.io, "\(path): cannot open: \(String(cString: strerror(errno)))")
        }
        defer { if descriptor != 0 { close(descriptor) } }
        var info = stat()
        if fstat(descriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
            throw ExportError(.io, "\(path): is a directory, not a file")
        }
        let head = readHead(descriptor)
        return validate(Source(head: head, descriptor: descriptor), name: name, schema: schema)
    }

    /// Validates bytes held in memory.
    package static func validate(_ bytes: [UInt8], file: String, against schema: XMLSchema) -> [Diagnostic] {
        validate(Source(head: bytes, descriptor: -1), name: file, schema: schema)
    }

    /// Up to 64 KB, enough for any honest prolog.
    private static func readHead(_ descriptor: Int32) -> [UInt8] {
        var head = [UInt8](repeating: 0, count: 64 << 10)
        var filled = 0
        while filled < head.count {
            let n = head.withUnsafeMutableBytes { buffer in
                let rest = UnsafeMutableRawBufferPointer(rebasing: buffer[filled...])
                return Glibc.read(descriptor, rest.baseAddress, rest.count)
            }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            filled += n
        }
        return Array(head[0..<filled])
    }

    private static func validate(_ source: Source, name: String, schema: XMLSchema) -> [Diagnostic] {
        LibXML.initialize()
        let start = SourceLocation(file: name, line: 1, column: 1)
        if let doctype = XMLProlog.doctypeLocation(in: source.head, file: name) {
            return [XMLProlog.doctypeDiagnostic(at: doctype)]
        }
        if source.head.isEmpty {
            return [Diagnostic(.error, "the file is empty", at: start, hint: "an XML document needs a root element")]
        }
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
            else { return [Diagnostic(.error, "libxml2 could not create a reader", at: start)] }
            defer { xmlFreeTextReader(reader) }
            guard schema.attach(to: reader) else {
                return [Diagnostic(.error, "libxml2 could not attach the schema \(schema.name)", at: start)]
            }
            // After the schema: in 2.9.14 setting the handler also rewires the attached schema's validator.
            xmlTextReaderSetStructuredErrorHandler(reader, collectStructuredError, collector.opaque)
            var status: Int32 = 1
            while status == 1 {
                status = xmlTextReaderRead(reader)
                if status == 1 && xmlTextReaderNodeType(reader) == Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue) {
                    let line = Int(xmlTextReaderGetParserLineNumber(reader))
                    collector.append(XMLProlog.doctypeDiagnostic(at: SourceLocation(file: name, line: max(1, line), column: 1)))
                    break
                }
            }
            if source.failure != 0 {
                collector.append(Diagnostic(.error, "read failed: \(String(cString: strerror(source.failure)))", at: start))
            }
            if status < 0 && !collector.diagnostics.hasErrors {
                collector.append(Diagnostic(.error, "not a well-formed XML document", at: start))
            }
            if status == 0 && xmlTextReaderIsValid(reader) != 1 && !collector.diagnostics.hasErrors {
                collector.append(Diagnostic(.error, "the document is not valid against \(schema.name)", at: start))
            }
            return collector.findings
        }
    }
}
