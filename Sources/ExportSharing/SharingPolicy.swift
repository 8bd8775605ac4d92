public import ExportCore

/// Decides what one recipient may receive of a report, and cuts the report down to that view.
///
/// The policy runs on the model before any writer, so every format honours releasability the same way.
/// The view keeps every reference resolving: links and memberships to withheld objects are dropped, sources
/// go only with the objects that cite them, and markings name withheld partnerships by their members'
/// country codes instead.
///
/// ```swift
/// let policy = SharingPolicy()
/// let india = try Recipient.resolve("IND", in: report)
/// let plan = policy.plan(report, for: india)        // what goes, what is withheld, and why
/// let view = try policy.view(report, for: india)    // what the writers render
/// ```
public struct SharingPolicy: Sendable {
    /// The marking of items that have none, when the report has no default either.
    public var defaultMarking: Marking?
    /// Whether withheld names found in free text are replaced by `[withheld]` instead of failing the export.
    public var redactsWithheldNames: Bool

    /// Creates a policy.
    public init(defaultMarking: Marking? = nil, redactsWithheldNames: Bool = false) {
        self.defaultMarking = defaultMarking
        self.redactsWithheldNames = redactsWithheldNames
    }

    /// Every decision for the recipient, with the rule behind it.
    public func plan(_ report: ThreatReport, for recipient: Recipient) -> SharingPlan {
        let builder = ViewBuilder(report: report, recipient: recipient, fallback: defaultMarking)
        let view = builder.build()
        let scanner = WithheldNameScanner(report: report, view: view)
        return SharingPlan(recipient: recipient, decisions: builder.decisions, textHits: scanner.findings(in: view))
    }

    /// The recipient's view of the report.
    /// - Throws: ``ExportError`` `.invalidInput` when free text in the view names a withheld object and the policy
    ///   does not redact; its diagnostics name each object and field.
    public func view(_ report: ThreatReport, for recipient: Recipient) throws -> (view: ReleasedReport, warnings: [Diagnostic]) {
        let builder = ViewBuilder(report: report, recipient: recipient, fallback: defaultMarking)
        var view = builder.build()
        let scanner = WithheldNameScanner(report: report, view: view)
        if redactsWithheldNames {
            // One pass that redacts, not a pass that finds and another that redacts: it is the costly part at scale.
            view = scanner.redacting(view)
            // What redaction cannot reach (an id) still fails the export: nothing withheld may leave.
            let left = scanner.identifierFindings(in: view)
            if !left.isEmpty {
                throw ExportError(.invalidInput, "\(recipient.fileStem)'s view names withheld objects in ids", diagnostics: left)
            }
        } else {
            let hits = scanner.findings(in: view)
            if !hits.isEmpty {
                throw ExportError(.invalidInput, "\(recipient.fileStem)'s view names withheld objects", diagnostics: hits)
            }
        }
        var warnings: [Diagnostic] = []
        // Imported content counts too: a view of 530 indicators and no modelled object is not "nothing".
        if view.objectCount == 0, view.detectionObjectCount == 0, view.verbatimObjects.allSatisfy(ViewBuilder.isSupport) {
            warnings.append(Diagnostic(.warning, "\(recipient.fileStem) receives nothing of this report",
                                       hint: "exportctl plan --for \(recipient.input) shows why"))
        }
        return (ReleasedReport(report: view, recipient: recipient.fileStem), warnings)
    }
}
