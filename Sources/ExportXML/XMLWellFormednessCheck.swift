package import ExportCore

internal import CLibXML

/// Checks that XML we wrote is well-formed and namespace-well-formed, chunk by chunk as it is written.
///
/// Every XML output passes through one, with or without a schema to validate against: a writer that lets input
/// reach markup (a redeclared prefix, a name that is not a name) must fail before anyone reads its output. It
/// feeds libxml2's push parser with a SAX handler that builds nothing, so memory stays constant whatever the
/// size. Our own output never has a DOCTYPE; the parser still runs with the untrusted options.
///
/// ```swift
/// let findings = XMLWellFormednessCheck.check(bytes, file: "stix12 output")
/// ```
package final class XMLWellFormednessCheck {
    private let collector: XMLDiagnosticCollector
    private var handler = xmlSAXHandler()
    private var parser: xmlParserCtxtPtr?

    /// Starts a check of a document called `file` in findings.
    package init(file: String) {
        LibXML.initialize()
        collector = XMLDiagnosticCollector(file: file, limit: 20)
        handler.initialized = XML_SAX2_MAGIC
        handler.internalSubset = refuseDoctype
        handler.serror = collectParserErrorOfContext
        parser = xmlCreatePushParserCtxt(&handler, nil, nil, 0, file)
        if let parser {
            parser.pointee._private = collector.opaque
            xmlCtxtUseOptions(parser, LibXML.untrustedOptions)
        }
    }

    deinit { if let parser { xmlFreeParserCtxt(parser) } }

    /// Parses the next chunk.
    package func feed(_ bytes: [UInt8]) {
        guard let parser, !bytes.isEmpty else { return }
        var offset = 0
        // In pieces of 1 MB: libxml2 refuses a push that leaves more than 10 MB unparsed ("Huge input lookup")
        // unless XML_PARSE_HUGE, which the untrusted options never set; a writer may hand over far more at once.
        while offset < bytes.count {
            let count = min(bytes.count - offset, 1 << 20)
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) {
                    _ = xmlParseChunk(parser, $0.baseAddress.map { $0 + offset }, Int32(count), 0)
                }
            }
            offset += count
        }
    }

    /// Ends the document; returns the errors found, none when it was well-formed.
    package func finish() -> [Diagnostic] {
        guard let parser else { return [Diagnostic(.error, "libxml2 could not create a parser")] }
        _ = xmlParseChunk(parser, nil, 0, 1)
        let errors = collector.diagnostics.filter { $0.severity == .error }
        if (parser.pointee.wellFormed == 0 || parser.pointee.nsWellFormed == 0) && errors.isEmpty {
            return [Diagnostic(.error, "not a well-formed XML document")]
        }
        return errors
    }

    /// Checks a whole document.
    package static func check(_ bytes: [UInt8], file: String) -> [Diagnostic] {
        let check = XMLWellFormednessCheck(file: file)
        check.feed(bytes)
        return check.finish()
    }

    /// The error a writer throws when its own output is not XML: a bug in exportctl, not in the input.
    package static func failure(_ findings: [Diagnostic], format: String) -> ExportError {
        ExportError(
            .internal, "the \(format) output is not well-formed XML (a bug in exportctl); nothing was written",
            diagnostics: findings)
    }
}

/// A sink that forwards every chunk to `base` and to a well-formedness check.
package struct XMLCheckedSink<Base: ByteSink>: ByteSink {
    package var base: Base
    package let check: XMLWellFormednessCheck

    package init(base: Base, check: XMLWellFormednessCheck) {
        self.base = base
        self.check = check
    }

    package mutating func write(_ bytes: [UInt8]) throws {
        check.feed(bytes)
        try base.write(bytes)
    }
}
