public import ExportCore
public import ExportSharing

/// Writes the authoring format in canonical JSON: the report as an author would write it, normalised.
///
/// The bytes equal Python's `json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"`, the
/// document passes `Schemas/threat-report.schema.json`, lints clean and reads back to the same report.
public struct ReportJSONWriter: FormatWriter {
    /// report-json has no settings.
    public struct Options: Sendable, Hashable {
        /// The only options.
        public static let `default` = Options()
    }

    /// Creates the writer.
    public init() {}

    public func write(_ view: ReleasedReport, options: Options, to sink: inout some ByteSink) throws
        -> ExportSummary
    {
        try sink.write(CanonicalJSON.bytes(view.report.authoringJSON()))
        return ExportSummary(
            objectsWritten: view.report.objectCount + view.report.detectionObjectCount,
            notCarried: view.report.verbatimObjectCounts)
    }
}
