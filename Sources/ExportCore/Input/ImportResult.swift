/// What reading an input gave: a report when it could be built, and every finding.
public struct ImportResult: Sendable {
    /// The report; `nil` when the input was too broken to give one.
    public var report: ThreatReport?
    /// Every finding, in input order.
    public var diagnostics: [Diagnostic]

    /// Creates a result.
    public init(report: ThreatReport?, diagnostics: [Diagnostic]) {
        self.report = report
        self.diagnostics = diagnostics
    }
}
