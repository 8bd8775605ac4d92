public import ExportCore

/// Reads the authoring format (YAML or JSON) into a ``ThreatReport``, reporting every problem at once.
///
/// Each scalar is read as the raw text the author wrote and parsed here (dates strictly, country codes
/// against ISO 3166-1), so `country: NO` is Norway and `2023-02-30` is an error, not March 2nd.
/// Problems come back as diagnostics with the file, line and column, in input order; model-level checks
/// (duplicate and dangling ids, membership dates, partnership cycles) follow in ``ReportChecks``.
///
/// ```swift
/// let result = AuthoringReader.read(Array(yaml.utf8), file: "report.yaml")
/// for finding in result.diagnostics { print(finding.rendered) }
/// let report = result.report   // nil only when the document is not even a mapping
/// ```
public enum AuthoringReader {
    /// Reads a document.
    public static func read(_ bytes: [UInt8], file: String, settings: ImportSettings = .default) -> ImportResult {
        let body: ArraySlice<UInt8>
        switch InputText.check(bytes, file: file) {
        case .success(let text): body = text
        case .failure(let diagnostic): return ImportResult(report: nil, diagnostics: [diagnostic])
        }
        // Without a byte-order mark the body is the whole input: share it instead of copying (a million-object
        // document is tens of megabytes).
        let text = body.count == bytes.count ? bytes : Array(body)
        var composer = YAMLComposer(file: file, limits: settings.limits)
        // Plain JSON takes the fast reader; anything it does not vouch for (errors included) goes to libyaml.
        let root =
            JSONComposer.compose(text, limits: settings.limits)
            ?? composer.compose(SurrogatePairEscapes.rewritten(text) ?? text)
        guard let root else {
            let diagnostics = composer.diagnostics.isEmpty
                ? [Diagnostic(.error, "the document is empty", at: SourceLocation(file: file, line: 1, column: 1))]
                : composer.diagnostics
            return ImportResult(report: nil, diagnostics: diagnostics)
        }
        let context = AuthoringContext(file: file)
        context.append(composer.diagnostics)
        guard let report = ReportDecoder(context: context, limits: settings.limits).decode(root) else {
            return ImportResult(report: nil, diagnostics: sorted(context.diagnostics))
        }
        for issue in ReportChecks.check(report, sharingHints: settings.sharingHints) {
            context.append([issue.diagnostic(at: context.location(forPath: issue.path))])
        }
        return ImportResult(report: report, diagnostics: sorted(context.diagnostics))
    }

    /// Input order: by line and column; findings without a place keep their order at the end.
    private static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            switch (a.element.location, b.element.location) {
            case let (l?, r?) where l != r: l < r
            case (_?, nil): true
            case (nil, _?): false
            default: a.offset < b.offset
            }
        }.map(\.element)
    }
}
