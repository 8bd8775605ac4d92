public import ExportCore

/// One output format: renders a ``ReleasedReport`` to bytes, streaming them to a sink.
///
/// Each format lives in `Formats/<Format>/` with its writer, its reader where there is one, and its mapping
/// notes, and registers itself once in ``ExportFormat``.
///
/// ```swift
/// var sink = MemorySink()
/// let summary = try ReportJSONWriter().write(ReleasedReport(everythingIn: report), options: .default, to: &sink)
/// ```
public protocol FormatWriter: Sendable {
    /// The format's own settings.
    associatedtype Options: Sendable

    /// Writes the view to the sink and says what the format could not carry.
    /// - Throws: ``ExportError``: `.io` when the sink fails, `.invalidInput` when the view cannot be rendered.
    func write(_ view: ReleasedReport, options: Options, to sink: inout some ByteSink) throws -> ExportSummary
}
