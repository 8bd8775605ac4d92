public import ExportCore
public import ExportSharing
import ExportXML

/// Writes a report as report XML (`urn:exportctl:threat-report:1`), the whole model in one document.
///
/// The output is checked against `Schemas/threat-report.xsd` in-process before the first byte reaches the
/// sink; with ``Options/validates`` off it is streamed and only checked to be well-formed XML as it goes. It
/// reads back to the same report with ``ReportXMLReader``.
/// Element order is fixed and lists keep the author's order, so the same report always gives the same bytes.
///
/// ```swift
/// var sink = MemorySink()
/// try ReportXMLWriter().write(ReleasedReport(everythingIn: report), options: .default, to: &sink)
/// ```
public struct ReportXMLWriter: FormatWriter {
    /// How to write.
    public struct Options: Sendable, Hashable {
        /// Whether to validate against the schema before writing anything.
        public var validates: Bool
        /// Validates.
        public static let `default` = Options(validates: true)

        /// Creates options.
        public init(validates: Bool) { self.validates = validates }
    }

    /// Creates the writer.
    public init() {}

    public func write(_ view: ReleasedReport, options: Options, to sink: inout some ByteSink) throws
        -> ExportSummary
    {
        if options.validates {
            var buffer = MemorySink()
            try render(view.report, into: &buffer)
            let wellFormedness = XMLWellFormednessCheck.check(buffer.bytes, file: "report-xml output")
            guard wellFormedness.isEmpty else { throw XMLWellFormednessCheck.failure(wellFormedness, format: "report XML") }
            let findings = XMLValidation.validate(
                buffer.bytes, file: "report-xml output", against: try ReportXMLSchema.shared())
            guard !findings.hasErrors else {
                throw ExportError(
                    .invalidInput,
                    "the report XML does not validate against \(ReportXMLSchema.path); nothing was written",
                    diagnostics: findings)
            }
            try sink.write(buffer.bytes)
        } else {
            // Streamed, so checked as it goes: a file output is then abandoned, standard output cut short.
            var checked = XMLCheckedSink(base: sink, check: XMLWellFormednessCheck(file: "report-xml output"))
            defer { sink = checked.base }
            try render(view.report, into: &checked)
            let wellFormedness = checked.check.finish()
            guard wellFormedness.isEmpty else { throw XMLWellFormednessCheck.failure(wellFormedness, format: "report XML") }
        }
        // Indicators, observables, malware and tools are written; only content kept verbatim from a STIX import is not.
        return ExportSummary(
            objectsWritten: view.report.objectCount + view.report.detectionObjectCount,
            notCarried: view.report.verbatimObjectCounts)
    }

    /// Streams the document, handing bytes to the sink after each object.
    private func render(_ report: ThreatReport, into sink: inout some ByteSink) throws {
        let xml = try XMLStreamWriter()
        let encoder = ReportXMLEncoder(xml: xml)
        try encoder.header(report)
        try xml.flush(into: &sink)
        try section("sources", report.sources, xml, &sink, encoder.source)
        try section("actors", report.actors, xml, &sink, encoder.actor)
        try section("intrusionSets", report.intrusionSets, xml, &sink) { try encoder.activity("intrusionSet", $0) }
        try section("campaigns", report.campaigns, xml, &sink) { try encoder.activity("campaign", $0) }
        try section("partnerships", report.partnerships, xml, &sink, encoder.partnership)
        try section("incidents", report.incidents, xml, &sink, encoder.incident)
        try section("indicators", report.indicators, xml, &sink, encoder.indicator)
        try section("observables", report.observables, xml, &sink, encoder.observable)
        try section("malware", report.malware, xml, &sink, encoder.malware)
        try section("tools", report.tools, xml, &sink, encoder.tool)
        try xml.endDocument()
        try xml.flush(into: &sink)
    }

    /// `<name>` around the items, or nothing when there are none.
    private func section<Item>(
        _ name: String, _ items: [Item], _ xml: XMLStreamWriter, _ sink: inout some ByteSink,
        _ body: (Item) throws -> Void
    ) throws {
        guard !items.isEmpty else { return }
        try xml.startElement(name)
        for item in items {
            try body(item)
            try xml.flush(into: &sink)
        }
        try xml.endElement()
    }
}
