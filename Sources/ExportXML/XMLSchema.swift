package import ExportCore

internal import CLibXML
import Synchronization

/// A compiled W3C XML Schema, compiled once and shared by every validation.
///
/// Compilation fails on any error *or warning*: libxml2 reports a failed `xs:import` only as a warning, and a
/// schema missing half its types would let invalid documents through.
///
/// ```swift
/// let schema = try XMLSchema(path: "Schemas/threat-report.xsd")
/// let findings = try XMLStreamValidator.validate(path: "report.xml", against: schema)
/// ```
// @unchecked: the compiled xmlSchema is read-only after init; each validation gets its own valid context.
package final class XMLSchema: @unchecked Sendable {
    private let pointer: xmlSchemaPtr
    /// Where the schema came from, for messages.
    package let name: String
    /// The schema's text, kept when its identity constraints may be checked outside libxml2 on the stream.
    private let streamableText: String?
    /// The split form for streaming (``XMLSchemaIdentityPlan``), derived on first use; `.some(nil)` when the
    /// schema has none or one the plan cannot take.
    private let identityPlan = Mutex<XMLSchemaIdentityPlan??>(nil)

    /// Compiles the schema file at `path`; `xs:include`/`xs:import` resolve relative to it.
    /// - Throws: ``ExportError`` `.io` when the path is not a local file, `.invalidInput` with every finding when
    ///   the schema does not compile.
    package convenience init(path: String) throws {
        LibXML.initialize()
        guard !path.contains("://") else {
            throw ExportError(.usage, "\(path): schemas must be local files, not URLs")
        }
        _ = try InputFile.read(path, limits: .bytes(64 << 20))  // a readable regular file, or a clear .io error
        try self.init(name: path, streamableText: nil) { xmlSchemaNewParserCtxt(path) }
    }

    /// Compiles a schema held in memory (one that imports nothing by relative path).
    ///
    /// With `checksIdentityOnStream`, large streamed documents are validated against a copy without the
    /// `xs:key`/`xs:keyref`/`xs:unique` declarations, which ``XMLIdentityChecker`` checks instead in compact
    /// memory (libxml2 keeps every value of a root-scoped constraint until the root closes). Only for schemas
    /// whose constraints compare values as written (`xs:string` types that keep white space), as the checker does.
    package convenience init(text: String, name: String, checksIdentityOnStream: Bool = false) throws {
        LibXML.initialize()
        let bytes = Array(text.utf8)
        try self.init(name: name, streamableText: checksIdentityOnStream ? text : nil) {
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { xmlSchemaNewMemParserCtxt($0.baseAddress, Int32($0.count)) }
            }
        }
    }

    private init(name: String, streamableText: String?, makeContext: () -> xmlSchemaParserCtxtPtr?) throws {
        guard let context = makeContext() else {
            throw ExportError(.internal, "\(name): libxml2 could not create a schema parser context")
        }
        defer { xmlSchemaFreeParserCtxt(context) }
        let collector = XMLDiagnosticCollector(file: name)
        collector.treatsWarningsAsErrors = true
        let compiled: xmlSchemaPtr? = withExtendedLifetime(collector) {
            xmlSchemaSetParserStructuredErrors(context, collectStructuredError, collector.opaque)
            return xmlSchemaParse(context)
        }
        guard let compiled, !collector.diagnostics.hasErrors else {
            if let compiled { xmlSchemaFree(compiled) }
            var findings = collector.findings
            if findings.isEmpty { findings = [Diagnostic(.error, "the schema does not compile")] }
            throw ExportError(.invalidInput, "\(name): the schema does not compile", diagnostics: findings)
        }
        self.pointer = compiled
        self.name = name
        self.streamableText = streamableText
    }

    /// The split form for streaming, or `nil` when libxml2 checks the whole schema itself.
    package var streamingPlan: XMLSchemaIdentityPlan? {
        guard let streamableText else { return nil }
        return identityPlan.withLock { plan in
            if let plan { return plan }
            let made = XMLSchemaIdentityPlan.make(text: streamableText, name: name)
            plan = .some(made)
            return made
        }
    }

    deinit { xmlSchemaFree(pointer) }

    /// Validates a parsed document.
    /// - Returns: every finding; empty when the document is valid.
    package func validate(_ document: XMLDocument) -> [Diagnostic] {
        guard let context = xmlSchemaNewValidCtxt(pointer) else {
            return [Diagnostic(.error, "libxml2 could not create a validation context")]
        }
        defer { xmlSchemaFreeValidCtxt(context) }
        let collector = XMLDiagnosticCollector(file: document.file)
        let status = withExtendedLifetime(collector) {
            xmlSchemaSetValidStructuredErrors(context, collectStructuredError, collector.opaque)
            return xmlSchemaValidateDoc(context, document.pointer)
        }
        if status != 0 && !collector.diagnostics.hasErrors {
            collector.append(
                Diagnostic(.error, "the document is not valid against \(name)", at: SourceLocation(file: document.file, line: 1, column: 1)))
        }
        return collector.findings
    }

    /// A validation context for one streamed document: findings go to `collector`, located at the line `parser`
    /// has reached. The caller frees it with `xmlSchemaFreeValidCtxt`.
    func validationContext(
        reporting collector: XMLDiagnosticCollector, locatedBy parser: xmlParserCtxtPtr
    ) -> xmlSchemaValidCtxtPtr? {
        guard let context = xmlSchemaNewValidCtxt(pointer) else { return nil }
        xmlSchemaSetValidStructuredErrors(context, collectStructuredError, collector.opaque)
        xmlSchemaValidateSetLocator(context, parserLocation, parser)
        return context
    }
}

/// Where a streaming validation is: the parser's current line (libxml2 has no node to take it from).
private let parserLocation: xmlSchemaValidityLocatorFunc = { context, file, line in
    guard let context else { return -1 }
    guard let input = context.assumingMemoryBound(to: xmlParserCtxt.self).pointee.input else { return -1 }
    file?.pointee = input.pointee.filename
    line?.pointee = UInt(max(0, input.pointee.line))
    return 0
}
