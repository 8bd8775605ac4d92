public import ExportCore

/// What one recipient may receive of a report: the only input a ``FormatWriter`` takes.
///
/// Writers never decide releasability; the sharing policy builds this view and writers render it.
/// `recipient == nil` is the producer's own full export.
public struct ReleasedReport: Sendable, Hashable {
    /// The report, already cut down to what the recipient may see.
    public var report: ThreatReport
    /// Who the view is for, as given on the command line (`IND`, `five-eyes`); `nil` for everything.
    public var recipient: String?

    /// A view of the whole report, for the producer itself.
    public init(everythingIn report: ThreatReport) {
        self.init(report: report, recipient: nil)
    }

    /// A view for one recipient.
    public init(report: ThreatReport, recipient: String?) {
        self.report = report
        self.recipient = recipient
        // Links are labelled here, once, so that every writer finds them labelled whoever built the view.
        self.report.labelLinks(narrowing: recipient != nil)
    }
}
