package import ExportCore

internal import CLibXML

/// A parsed XML document (a libxml2 tree), read with the hardened options and never with a DOCTYPE.
///
/// Not `Sendable`: a tree belongs to the task that parsed it. Elements handed out by ``root`` are valid only
/// while the document is alive.
///
/// ```swift
/// let parsed = XMLDocument.parse(Array(text.utf8), file: "report.xml")
/// guard let document = parsed.document else { print(parsed.diagnostics) ... }
/// ```
package final class XMLDocument {
    let pointer: xmlDocPtr
    /// The name diagnostics use.
    let file: String

    private init(pointer: xmlDocPtr, file: String) {
        self.pointer = pointer
        self.file = file
    }

    deinit { xmlFreeDoc(pointer) }

    /// The root element.
    package var root: XMLElement? { xmlDocGetRootElement(pointer).map(XMLElement.init) }

    /// Parses untrusted bytes: no network, no entity substitution, no DTD, and any DOCTYPE refused.
    /// - Returns: the document when it is well-formed, and every finding (warnings included).
    package static func parse(_ bytes: [UInt8], file: String) -> (document: XMLDocument?, diagnostics: [Diagnostic]) {
        LibXML.initialize()
        if let doctype = XMLProlog.doctypeLocation(in: bytes.prefix(1 << 20), file: file) {
            return (nil, [XMLProlog.doctypeDiagnostic(at: doctype)])
        }
        if let refusal = XMLMarkupGuard.check(bytes, file: file) { return (nil, [refusal]) }
        let encodingOptions: Int32
        switch XMLEncodingCheck.options(for: Array(bytes.prefix(4096)), file: file) {
        case .success(let options): encodingOptions = options
        case .failure(let refusal): return (nil, [refusal])
        }
        guard bytes.count <= Int(Int32.max) else {
            return (nil, [Diagnostic(.error, "document is larger than 2 GB", at: SourceLocation(file: file, line: 1, column: 1))])
        }
        guard let context = xmlNewParserCtxt() else {
            return (nil, [Diagnostic(.error, "libxml2 could not create a parser context")])
        }
        defer { xmlFreeParserCtxt(context) }
        let collector = XMLDiagnosticCollector(file: file)
        return withExtendedLifetime(collector) {
            context.pointee._private = collector.opaque
            context.pointee.sax.pointee.serror = collectParserError
            context.pointee.sax.pointee.internalSubset = refuseDoctype
            let tree = bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) {
                    xmlCtxtReadMemory(
                        context, $0.baseAddress, Int32($0.count), file, nil, LibXML.untrustedOptions | encodingOptions)
                }
            }
            guard let tree else { return (nil, emptyIfSilent(collector)) }
            // Second layer: whatever slipped past the hook, a tree with a DTD is refused.
            if tree.pointee.intSubset != nil || tree.pointee.extSubset != nil || collector.diagnostics.hasErrors {
                xmlFreeDoc(tree)
                if !collector.diagnostics.hasErrors {
                    collector.append(XMLProlog.doctypeDiagnostic(at: SourceLocation(file: file, line: 1, column: 1)))
                }
                return (nil, collector.findings)
            }
            return (XMLDocument(pointer: tree, file: file), collector.findings)
        }
    }

    private static func emptyIfSilent(_ collector: XMLDiagnosticCollector) -> [Diagnostic] {
        if collector.diagnostics.hasErrors { return collector.findings }
        return collector.findings + [
            Diagnostic(.error, "not a well-formed XML document", at: SourceLocation(file: collector.file, line: 1, column: 1))
        ]
    }
}

/// The parser's `internalSubset` hook: fires on `<!DOCTYPE` before any declaration inside it is processed.
let refuseDoctype: internalSubsetSAXFunc = { context, _, _, _ in
    guard let context else { return }
    let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
    if let opaque = parser.pointee._private {
        let collector = XMLDiagnosticCollector.from(opaque)
        let line = Int(xmlSAX2GetLineNumber(context))
        collector.append(
            XMLProlog.doctypeDiagnostic(at: SourceLocation(file: collector.file, line: max(1, line), column: 1)))
    }
    xmlStopParser(parser)
}
