public import ExportCore
public import ExportSharing

/// Writes MISP events that MISP and PyMISP load: one per incident (plus a context event) or one per report.
///
/// Threat actors become clusters of the `threat-actor` galaxy (the `Galaxy` block and the
/// `misp-galaxy:threat-actor="…"` tag), incidents `incident` objects with an EventReport narrative,
/// organisations, states and partnerships `organization` objects, releasable-to lists sharing groups.
/// Observables become attributes (`ip-dst`, `domain`, `url`, `email`, digests; `file` objects), `to_ids` when a
/// released indicator is based on them; indicators `stix2-pattern` objects; malware and tools clusters of the
/// `stix-2.1-malware` / `stix-2.1-tool` galaxies (MAPPING.md).
/// One event is written as `{"Event": {...}}`, several as `{"response": [{"Event": ...}, ...]}`.
///
/// ```swift
/// var sink = MemorySink()
/// let options = MISPWriter.Options(events: .perReport)
/// try MISPWriter().write(ReleasedReport(everythingIn: report), options: options, to: &sink)
/// ```
public struct MISPWriter: FormatWriter {
    /// How to cut the report into events, and where to put a static feed.
    public struct Options: Sendable, Hashable {
        /// One event per incident (the default) or one per report.
        public var events: MISPEventMode
        /// When set, also write a static MISP feed (`<uuid>.json` per event and `manifest.json`) here.
        public var feedDirectory: String?

        /// Creates options.
        public init(events: MISPEventMode = .perIncident, feedDirectory: String? = nil) {
            self.events = events
            self.feedDirectory = feedDirectory
        }

        /// One event per incident, no feed.
        public static let `default` = Options()
    }

    /// Creates the writer.
    public init() {}

    public func write(_ view: ReleasedReport, options: Options, to sink: inout some ByteSink) throws
        -> ExportSummary
    {
        let (events, summary) = Self.events(for: view, mode: options.events)
        let document: JSONValue = events.count == 1 ? events[0] : .object(["response": .array(events)])
        try sink.write(CanonicalJSON.bytes(document))
        if let directory = options.feedDirectory { try MISPFeed.write(events, to: directory) }
        return summary
    }

    /// The events, each as `{"Event": {...}}`, and what MISP could not carry.
    public static func events(for view: ReleasedReport, mode: MISPEventMode) -> ([JSONValue], ExportSummary) {
        let context = MISPContext(report: view.report)
        let specs = MISPEventSpec.plan(context, mode: mode)
        var homes: [String: String] = [:]
        for spec in specs { for id in spec.members where homes[id] == nil { homes[id] = spec.uuid } }
        let groups = MISPSharingGroupRegistry()
        // Verbatim STIX content has no MISP mapping: it is counted, never dropped silently.
        var summary = ExportSummary(objectsWritten: homes.count, notCarried: view.report.verbatimObjectCounts)
        let events = specs.map { spec in
            var builder = MISPEventBuilder(context: context, spec: spec, groups: groups, homes: homes)
            let event = builder.build()
            summary.notCarried.merge(builder.notCarried, uniquingKeysWith: +)
            return event
        }
        return (events, summary)
    }
}
