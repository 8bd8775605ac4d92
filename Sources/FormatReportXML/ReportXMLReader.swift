public import ExportCore
import ExportXML

/// Reads report XML (`urn:exportctl:threat-report:1`) back into a ``ThreatReport``.
///
/// The document is parsed with the hardened parser (no DOCTYPE, no entities, no network) and validated against
/// `Schemas/threat-report.xsd` first, so a dangling reference or an unknown TLP is reported at its line before
/// any model is built; the model then passes the same ``ReportChecks`` as the authoring format.
///
/// ```swift
/// let result = ReportXMLReader.read(bytes, file: "report.xml")
/// if let report = result.report { ... } else { print(result.diagnostics) }
/// ```
public enum ReportXMLReader {
    /// Reads a document.
    public static func read(_ bytes: [UInt8], file: String, settings: ImportSettings = .default) -> ImportResult {
        let parsed = XMLDocument.parse(bytes, file: file)
        guard let document = parsed.document, let root = document.root else {
            return ImportResult(report: nil, diagnostics: parsed.diagnostics)
        }
        guard root.name == "report", root.namespace == ReportXMLSchema.namespace else {
            let found = "{\(root.namespace ?? "")}\(root.name)"
            return ImportResult(
                report: nil,
                diagnostics: parsed.diagnostics + [
                    Diagnostic(
                        .error, "expected {\(ReportXMLSchema.namespace)}report as the root element, found \(found)",
                        at: SourceLocation(file: file, line: root.line, column: 1))
                ])
        }
        let findings: [Diagnostic]
        do {
            findings = try ReportXMLSchema.shared().validate(document)
        } catch {
            return ImportResult(report: nil, diagnostics: [Diagnostic(.error, "\(error)")])
        }
        guard !findings.hasErrors else { return ImportResult(report: nil, diagnostics: parsed.diagnostics + findings) }
        var decoder = ReportXMLDecoder(file: file)
        let report = decoder.report(root)
        var diagnostics = parsed.diagnostics + decoder.diagnostics
        guard !diagnostics.hasErrors else { return ImportResult(report: nil, diagnostics: diagnostics) }
        // The same whole-report checks as the authoring format: wrong kinds of reference, membership dates,
        // partnerships of one, cycles.
        let lines = ReportXMLLines(root, file: file)
        diagnostics += ReportChecks.check(report).map { $0.diagnostic(at: lines.location(forPath: $0.path)) }
        return ImportResult(report: diagnostics.hasErrors ? nil : report, diagnostics: diagnostics)
    }
}
