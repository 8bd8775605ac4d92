public import ExportCore
public import ExportSharing

/// One STIX 2.1 object of a released report: its bytes with what a server indexes it by.
///
/// The bundle writer writes these one after another; a TAXII server can store and serve each on its own.
public struct STIXObjectRecord: Sendable {
    // id, type and modified are read from the object when asked: the bundle writer never asks, and reading
    // them for every object of an export cost it a tenth of its time.
    /// `type--uuid`.
    public var id: String { object["id"]?.stringValue ?? "" }
    /// The STIX type (`threat-actor`).
    public var type: String { object["type"]?.stringValue ?? "" }
    /// The object's `modified`, or `created` for an object without one (a marking definition); empty when
    /// it has neither.
    public var modified: String { (object["modified"] ?? object["created"])?.stringValue ?? "" }
    /// The sharing label (TLP and audience) the object goes out under; `nil` for definitions and objects kept
    /// verbatim from an import, which carry their own markings.
    public var label: Marking? { object.label }
    let object: JSONObjectBuilder
    /// The report's `object_refs`, written piece by piece rather than held as one value.
    let streamedList: (key: String, strings: [String])?

    package init(_ object: JSONObjectBuilder, streaming list: (key: String, strings: [String])? = nil) {
        self.object = object
        streamedList = list
    }

    /// The object as canonical JSON (sorted keys, two-space indent): the bytes a TAXII envelope or a file of
    /// its own holds. Inside a bundle the same object is indented one level deeper.
    public var bytes: [UInt8] {
        var sink = MemorySink()
        var stream = BundleStream(level: 0)
        // A memory sink cannot fail.
        try? stream.append(self, to: &sink)
        return sink.bytes
    }
}

/// The objects of one released report in bundle order, built one at a time: actors, intrusion sets, campaigns,
/// partnerships, incidents, indicators, observables, malware, tools (each with the relationships and locations
/// it brings), evidence notes, imported
/// objects kept verbatim, the report, the producer identity, then the marking and extension definitions used.
///
/// ```swift
/// var objects = STIXObjectStream(view)
/// while let object = objects.next() { store(object.id, object.modified, object.bytes) }
/// ```
public struct STIXObjectStream: IteratorProtocol, Sequence {
    private enum Phase: Int, Comparable {
        case actors, intrusionSets, campaigns, partnerships, incidents, indicators, observables, malware, tools
        case evidence, verbatim, report, producer
        case definitions, done

        static func < (a: Phase, b: Phase) -> Bool { a.rawValue < b.rawValue }
    }

    private var builder: STIXBundleBuilder
    private let report: ThreatReport
    private var phase = Phase.actors
    private var position = 0
    private var pending: [STIXObjectRecord] = []
    private var cursor = 0
    /// Whether the report object went out (it lists every other object, so a report without one released nothing).
    public private(set) var wroteReport = false
    /// The bundle id: the imported bundle's, else one derived from the recipient.
    public let bundleID: String

    /// Starts the stream over a released report.
    public init(_ view: ReleasedReport, options: STIX21Writer.Options = .default) {
        report = view.report
        builder = STIXBundleBuilder(report: report, custodian: options.acsCustodian, profile: options.profile)
        bundleID = report.stixImport?.bundleID ?? builder.id("bundle", "#bundle|" + (view.recipient ?? ""))
    }

    /// What the format had no place for, so far (complete once ``next()`` returned `nil`).
    public var notCarried: [String: Int] { builder.notCarried }

    /// The next object; `nil` after the last.
    public mutating func next() -> STIXObjectRecord? {
        while cursor == pending.count {
            guard phase != .done else { return nil }
            pending = produce()
            cursor = 0
        }
        defer { cursor += 1 }
        return pending[cursor]
    }

    /// The objects of the next step: one modelled item, or one of the closing groups.
    private mutating func produce() -> [STIXObjectRecord] {
        let progress = ProgressMeter.current
        func item<Item>(_ items: [Item], _ build: (inout STIXBundleBuilder, Item) -> [JSONObjectBuilder]) -> [JSONObjectBuilder] {
            guard position < items.count else {
                phase = Phase(rawValue: phase.rawValue + 1) ?? .done
                position = 0
                return []
            }
            defer { position += 1 }
            progress?.advance()
            return build(&builder, items[position])
        }
        let current = phase
        let objects: [JSONObjectBuilder]
        switch current {
        case .actors: objects = item(report.actors) { $0.objects(for: $1) }
        case .intrusionSets: objects = item(report.intrusionSets) { $0.objects(for: $1, type: "intrusion-set") }
        case .campaigns: objects = item(report.campaigns) { $0.objects(for: $1, type: "campaign") }
        case .partnerships: objects = item(report.partnerships) { $0.objects(for: $1) }
        case .incidents: objects = item(report.incidents) { $0.objects(for: $1) }
        case .indicators: objects = item(report.indicators) { $0.objects(for: $1) }
        case .observables: objects = item(report.observables) { $0.objects(for: $1) }
        case .malware: objects = item(report.malware) { $0.objects(for: $1) }
        case .tools: objects = item(report.tools) { $0.objects(for: $1) }
        // After every object, so each note follows what it is about; an authored report's quotes are few.
        case .evidence: objects = builder.takeEvidenceNotes()
        case .verbatim: objects = builder.verbatimObjects()
        case .report:
            phase = .producer
            guard let (object, refs) = builder.reportObject() else { return [] }
            wroteReport = true
            return [STIXObjectRecord(object, streaming: refs.map { (STIXBundleBuilder.streamedRefsKey, $0) })]
        // Only when exportctl created something; it uses our extension, so it comes before the definitions.
        case .producer: objects = builder.createsObjects ? [builder.producerIdentity()] : []
        case .definitions: objects = builder.definitions()
        case .done: return []
        }
        if current >= .evidence { phase = Phase(rawValue: current.rawValue + 1) ?? .done }
        return objects.map { STIXObjectRecord($0) }
    }
}
