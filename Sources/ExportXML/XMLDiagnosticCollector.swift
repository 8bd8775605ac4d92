import ExportCore

internal import CLibXML

/// Collects libxml2's structured errors for one parse, validation or schema compilation.
///
/// Handed to libxml2 as an unretained context pointer through the per-context setters only; the caller keeps it
/// alive with `withExtendedLifetime` for as long as the C context exists.
final class XMLDiagnosticCollector {
    /// The name findings carry when libxml2 knows no file (documents parsed from memory).
    let file: String
    /// Whether warnings count as errors (schema compilation: a failed `xs:import` is only a warning).
    var treatsWarningsAsErrors = false
    /// The most findings kept; a huge invalid file must not fill memory with messages.
    let limit: Int
    private(set) var diagnostics: [Diagnostic] = []
    /// The identity checker of a streamed validation: its SAX callbacks find it here, through the parser's
    /// `_private`, since the parser's user data must stay the parser for libxml2's own callbacks.
    var identityChecker: XMLIdentityChecker?
    private(set) var dropped = 0

    init(file: String, limit: Int = 1000) {
        self.file = file
        self.limit = limit
    }

    /// The pointer libxml2 hands back to the callbacks.
    var opaque: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    static func from(_ opaque: UnsafeMutableRawPointer) -> XMLDiagnosticCollector {
        Unmanaged<XMLDiagnosticCollector>.fromOpaque(opaque).takeUnretainedValue()
    }

    func append(_ diagnostic: Diagnostic) {
        guard diagnostics.count < limit else {
            dropped += 1
            return
        }
        diagnostics.append(diagnostic)
    }

    /// Copies everything out of the C struct, which lives only during the callback.
    func append(_ error: xmlError) {
        var message = error.message.map { String(cString: $0) } ?? "unknown libxml2 error"
        while message.last?.isWhitespace == true { message.removeLast() }
        message = message.split(separator: "\n").joined(separator: " ")  // one finding, one line
        var hint = Self.hint(code: error.code)
        if message.contains("XML_PARSE_HUGE") || message.contains("Huge input lookup") || message.contains("too long") {
            // Never advise HUGE: the limits are the point.
            message = message.replacing(" use XML_PARSE_HUGE option", with: "")
            hint = Self.limitsHint
        }
        let isWarning = error.level == XML_ERR_WARNING
        let severity: Diagnostic.Severity = isWarning && !treatsWarningsAsErrors ? .warning : .error
        let where_ = error.file.map { String(cString: $0) } ?? file
        let location = SourceLocation(
            file: where_.isEmpty ? file : where_, line: max(1, Int(error.line)), column: max(1, Int(error.int2)))
        append(Diagnostic(severity, message, at: location, hint: hint))
    }

    /// Every finding, with a closing note when some were dropped.
    var findings: [Diagnostic] {
        guard dropped > 0 else { return diagnostics }
        let last = diagnostics.last?.location ?? SourceLocation(file: file, line: 1, column: 1)
        return diagnostics + [Diagnostic(.error, "\(dropped) more findings not shown", at: last)]
    }

    private static let limitsHint =
        "exportctl keeps libxml2's limits on untrusted XML: 256 levels of nesting, 10 MB per text or attribute value"

    private static func hint(code: Int32) -> String? {
        switch code {
        case Int32(XML_ERR_DOCUMENT_EMPTY.rawValue): "the file is empty; an XML document needs a root element"
        case Int32(XML_ERR_INVALID_CHAR.rawValue), Int32(XML_ERR_INVALID_ENCODING.rawValue):
            "the file must be well-formed UTF-8 (or declare its encoding)"
        default: nil
        }
    }
}

/// The callback for schema and reader contexts: libxml2 passes our collector back as `context`.
let collectStructuredError: xmlStructuredErrorFunc = { context, error in
    guard let context, let error else { return }
    XMLDiagnosticCollector.from(context).append(error.pointee)
}

/// The callback for a parser context's `sax->serror`: libxml2 passes the parser context, whose `_private`
/// holds our collector.
let collectParserError: xmlStructuredErrorFunc = { context, error in
    guard let context, let error else { return }
    let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let collector = parser.pointee._private else { return }
    XMLDiagnosticCollector.from(collector).append(error.pointee)
}
