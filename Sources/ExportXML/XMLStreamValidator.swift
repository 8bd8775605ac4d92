package import ExportCore

internal import CLibXML

/// Validates a document against a schema while streaming it through libxml2's SAX parser with the schema
/// plugged in, so memory stays flat however large the file is. A schema's `xs:key`/`xs:keyref` constraints,
/// for which libxml2 would keep every value, are checked by ``XMLIdentityChecker`` in about 8 bytes per key
/// when the schema allows it (``XMLSchema/streamingPlan``).
///
/// Input goes through our own read callback: libxml2 opens no file, decompresses nothing and resolves no URL.
///
/// ```swift
/// let findings = try XMLStreamValidator.validate(path: "big.xml", against: schema)
/// ```
package enum XMLStreamValidator {
    /// Feeds the parser from an opened input, from its start.
    private final class Source {
        let input: InputHandle
        let head: [UInt8]
        var offset = 0
        var failure: ExportError?
        /// Markup libxml2 would take more than linear time over, found before it is handed over.
        var markup: XMLMarkupGuard
        var refusal: Diagnostic?

        init(_ input: InputHandle) throws {
            self.input = input
            head = try input.head()
            markup = XMLMarkupGuard(file: input.name)
        }

        func read(into buffer: UnsafeMutablePointer<CChar>, count: Int) -> Int32 {
            do {
                let n = try input.read(at: offset, into: UnsafeMutableRawBufferPointer(start: buffer, count: count))
                offset += n
                ProgressMeter.current?.advance(by: n)
                if let refusal = markup.check(UnsafeRawBufferPointer(start: buffer, count: n)) {
                    // The end of the input, as far as libxml2 knows: it never sees the offending markup.
                    self.refusal = refusal
                    return 0
                }
                return Int32(n)
            } catch let error as ExportError {
                failure = error
                return -1
            } catch {
                return -1
            }
        }
    }

    /// Validates the file at `path`, opened once.
    /// - Returns: every finding; empty when the document is valid.
    /// - Throws: ``ExportError`` `.io` when the file cannot be opened or is a device or socket.
    package static func validate(path: String, against schema: XMLSchema) throws -> [Diagnostic] {
        try validate(InputHandle.open(path), against: schema)
    }

    /// Validates an opened input.
    /// - Throws: ``ExportError`` `.io` when it cannot be read.
    package static func validate(_ input: InputHandle, against schema: XMLSchema) throws -> [Diagnostic] {
        validate(try Source(input), name: input.name, schema: schema)
    }

    /// Validates bytes held in memory.
    package static func validate(_ bytes: [UInt8], file: String, against schema: XMLSchema) -> [Diagnostic] {
        (try? Source(InputHandle(bytes: bytes, name: file))).map { validate($0, name: file, schema: schema) } ?? []
    }

    /// Streams the source through the schema in one SAX pass: libxml2 builds no tree, not even the reader's
    /// node at a time, and calls no Swift per node; the schema's SAX plug validates as the parser goes.
    private static func validate(_ source: Source, name: String, schema: XMLSchema) -> [Diagnostic] {
        LibXML.initialize()
        let start = SourceLocation(file: name, line: 1, column: 1)
        if let doctype = XMLProlog.doctypeLocation(in: source.head, file: name) {
            return [XMLProlog.doctypeDiagnostic(at: doctype)]
        }
        if source.head.isEmpty {
            return [Diagnostic(.error, "the file is empty", at: start, hint: "an XML document needs a root element")]
        }
        let encodingOptions: Int32
        switch XMLEncodingCheck.options(for: source.head, file: name) {
        case .success(let options): encodingOptions = options
        case .failure(let refusal): return [refusal]
        }
        let collector = XMLDiagnosticCollector(file: name)
        // The schema's identity constraints are checked by our own callbacks when libxml2 would need memory
        // in proportion to the document for them; libxml2 then validates against the copy without them.
        let plan = schema.streamingPlan
        let checker = plan.map { XMLIdentityChecker(plan: $0, collector: collector) }
        collector.identityChecker = checker
        let schema = plan?.schema ?? schema
        return withExtendedLifetime((collector, source, checker)) {
            // The DOCTYPE hook, the error channel and, with a plan, the identity checker's element and text
            // events: every other callback is the schema's.
            var handler = xmlSAXHandler()
            handler.initialized = XML_SAX2_MAGIC
            handler.internalSubset = refuseDoctype
            handler.serror = collectParserErrorOfContext
            if checker != nil { XMLIdentityChecker.install(in: &handler) }
            guard
                let parser = xmlCreateIOParserCtxt(
                    &handler, nil,
                    { context, buffer, length in
                        guard let context, let buffer else { return -1 }
                        return Unmanaged<Source>.fromOpaque(context).takeUnretainedValue()
                            .read(into: buffer, count: Int(length))
                    }, nil, Unmanaged.passUnretained(source).toOpaque(), XML_CHAR_ENCODING_NONE)
            else { return [Diagnostic(.error, "libxml2 could not create a parser", at: start)] }
            defer { xmlFreeParserCtxt(parser) }
            parser.pointee._private = collector.opaque
            xmlCtxtUseOptions(parser, LibXML.untrustedOptions | encodingOptions)
            checker?.attach(to: parser)
            guard let validation = schema.validationContext(reporting: collector, locatedBy: parser) else {
                return [Diagnostic(.error, "libxml2 could not create a validation context", at: start)]
            }
            defer { xmlSchemaFreeValidCtxt(validation) }
            guard let plug = xmlSchemaSAXPlug(validation, &parser.pointee.sax, &parser.pointee.userData) else {
                return [Diagnostic(.error, "libxml2 could not attach the schema \(schema.name)", at: start)]
            }
            let status = xmlParseDocument(parser)
            xmlSchemaSAXUnplug(plug)
            checker?.finish()
            collector.identityChecker = nil
            // What libxml2 said about the cut-off input is moot.
            if let refusal = source.refusal { return [refusal] }
            if let failure = source.failure {
                collector.append(Diagnostic(.error, failure.reason, at: start))
            }
            let isWellFormed = status == 0 && parser.pointee.wellFormed != 0
            if !isWellFormed && !collector.diagnostics.hasErrors { collector.append(Diagnostic(.error, notWellFormed, at: start)) }
            if isWellFormed, xmlSchemaIsValid(validation) != 1, !collector.diagnostics.hasErrors {
                collector.append(Diagnostic(.error, "the document is not valid against \(schema.name)", at: start))
            }
            return collector.findings
        }
    }

    private static let notWellFormed = "not a well-formed XML document"
}

/// The parser's error channel while the schema is plugged in: libxml2 then calls it with the plug as context,
/// so the collector comes from the parser context the error names.
let collectParserErrorOfContext: xmlStructuredErrorFunc = { _, error in
    guard let error, let context = error.pointee.ctxt else { return }
    let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let collector = parser.pointee._private else { return }
    XMLDiagnosticCollector.from(collector).append(error.pointee)
}
