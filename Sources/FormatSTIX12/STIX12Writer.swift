public import ExportCore
public import ExportSharing
import ExportXML

/// Writes a released report as a STIX 1.2 XML package (`stix:STIX_Package version="1.2"`).
///
/// Ids are QNames in the producer's own namespace built from the UUID every format uses for the object.
/// Partnerships, states, agencies, organisations and people become identities in the header's information
/// source (see `MAPPING.md`). The package is checked to be well-formed XML before the first byte reaches the
/// sink, and with ``Options/schemaDirectory`` set, also validated in-process against the official STIX 1.2 schemas.
///
/// ```swift
/// var sink = MemorySink()
/// let options = STIX12Writer.Options(schemaDirectory: "/venv/lib/python3.11/site-packages/sdv/resources/xsd/stix_1.2")
/// let summary = try STIX12Writer().write(ReleasedReport(everythingIn: report), options: options, to: &sink)
/// summary.notCarried   // ["partnership kind": 10, ...]
/// ```
public struct STIX12Writer: FormatWriter {
    /// How to write.
    public struct Options: Sendable, Hashable {
        /// The official `stix_1.2` schema directory to validate against; `nil` writes without validating.
        public var schemaDirectory: String?

        /// Writes without validating.
        public static let `default` = Options(schemaDirectory: nil)

        /// Creates options.
        public init(schemaDirectory: String?) { self.schemaDirectory = schemaDirectory }
    }

    /// Creates the writer.
    public init() {}

    public func write(_ view: ReleasedReport, options: Options, to sink: inout some ByteSink) throws
        -> ExportSummary
    {
        var buffer = MemorySink()
        let losses = try render(view, into: &buffer)
        // With or without the schemas: input must never make the package something that is not XML.
        let wellFormedness = XMLWellFormednessCheck.check(buffer.bytes, file: "stix12-output")
        guard wellFormedness.isEmpty else { throw XMLWellFormednessCheck.failure(wellFormedness, format: "STIX 1.2") }
        if let directory = options.schemaDirectory {
            let findings = XMLValidation.validate(
                buffer.bytes, file: "stix12-output", against: try STIX12Schemas.compiled(directory: directory))
            guard !findings.hasErrors else {
                throw ExportError(
                    .invalidInput, "the STIX 1.2 package does not validate against the official schemas; nothing was written",
                    diagnostics: findings)
            }
        }
        try sink.write(buffer.bytes)
        let threatActors = view.report.actors.filter { $0.kind == .threatActor }.count
        let report = view.report
        let objects = threatActors + report.campaigns.count + report.intrusionSets.count + report.incidents.count
            + report.indicators.count + report.observables.count + report.malware.count + report.tools.count
        return ExportSummary(objectsWritten: objects, notCarried: losses.counts)
    }

    /// Renders the package; the losses come back once every object is written.
    private func render(_ view: ReleasedReport, into sink: inout some ByteSink) throws -> STIX12Losses {
        let xml = try XMLStreamWriter()
        let encoder = STIX12Encoder(xml: xml, view: view)
        let report = view.report
        try encoder.start()
        try encoder.observables()
        try section("stix:Indicators", report.indicators, xml) { try encoder.indicator($0) }
        try section("stix:TTPs", report.malware, report.tools, xml, { try encoder.ttp($0) }, { try encoder.ttp($0) })
        try section("stix:Incidents", report.incidents, xml) { try encoder.incident($0) }
        let activities = report.campaigns.map { ($0, "campaign") } + report.intrusionSets.map { ($0, "intrusion-set") }
        try section("stix:Campaigns", activities, xml) { try encoder.campaign($0.0, type: $0.1) }
        try section("stix:Threat_Actors", report.actors.filter { $0.kind == .threatActor }, xml) {
            try encoder.threatActor($0)
        }
        try encoder.reports()
        try xml.endDocument()
        try xml.flush(into: &sink)
        encoder.countUsesByIdentities()
        var losses = encoder.losses
        // A quote has no structured place next to the statement it supports (see MAPPING.md).
        losses.add(.evidence, report.evidencedItems.map(\.evidence.count).reduce(0, +))
        return losses
    }

    /// A section of two kinds of item (TTPs: malware, then tools).
    private func section<First, Second>(
        _ name: String, _ first: [First], _ second: [Second], _ xml: XMLStreamWriter,
        _ writeFirst: (First) throws -> Void, _ writeSecond: (Second) throws -> Void
    ) throws {
        guard !first.isEmpty || !second.isEmpty else { return }
        try xml.startElement(name)
        for item in first { try writeFirst(item) }
        for item in second { try writeSecond(item) }
        try xml.endElement()
    }

    private func section<Item>(_ name: String, _ items: [Item], _ xml: XMLStreamWriter, _ body: (Item) throws -> Void) throws {
        guard !items.isEmpty else { return }
        try xml.startElement(name)
        for item in items { try body(item) }
        try xml.endElement()
    }
}
