public import ExportCore
public import ExportSharing

/// Writes a report as one STIX 2.1 bundle: `{"id", "objects", "type"}`, objects streamed as they are built.
///
/// Every object gets its stable UUIDv5 id (``StableID``), `created`/`modified` at the report's date with
/// exactly three fractional digits, the producer as `created_by_ref`, and `object_marking_refs` for its
/// marking (links included). The mapping is in `Formats/STIX21/MAPPING.md`.
///
/// ```swift
/// var sink = MemorySink()
/// let summary = try STIX21Writer().write(ReleasedReport(everythingIn: report), options: .default, to: &sink)
/// ```
public struct STIX21Writer: FormatWriter {
    /// STIX 2.1 settings.
    public struct Options: Sendable, Hashable {
        /// The ISA ACS organisation token of the custodian; `nil` uses the producer id upper-cased.
        public var acsCustodian: String?
        /// The consumer the bundle is tuned for; ``STIXProfile/standard`` writes strictly valid STIX 2.1.
        public var profile: STIXProfile

        /// No custodian override, standard profile.
        public static let `default` = Options()

        /// Creates options.
        public init(acsCustodian: String? = nil, profile: STIXProfile = .standard) {
            self.acsCustodian = acsCustodian
            self.profile = profile
        }
    }

    /// Creates the writer.
    public init() {}

    public func write(_ view: ReleasedReport, options: Options, to sink: inout some ByteSink) throws
        -> ExportSummary
    {
        let report = view.report
        var builder = STIXBundleBuilder(report: report, custodian: options.acsCustodian, profile: options.profile)
        var bundle = BundleStream()
        let bundleID = report.stixImport?.bundleID ?? builder.id("bundle", "#bundle|" + (view.recipient ?? ""))
        try bundle.open(id: bundleID, to: &sink)
        let progress = ProgressMeter.current
        for actor in report.actors {
            try bundle.append(builder.objects(for: actor), to: &sink)
            progress?.advance()
        }
        for activity in report.intrusionSets {
            try bundle.append(builder.objects(for: activity, type: "intrusion-set"), to: &sink)
            progress?.advance()
        }
        for activity in report.campaigns {
            try bundle.append(builder.objects(for: activity, type: "campaign"), to: &sink)
            progress?.advance()
        }
        for partnership in report.partnerships {
            try bundle.append(builder.objects(for: partnership), to: &sink)
            progress?.advance()
        }
        for incident in report.incidents {
            try bundle.append(builder.objects(for: incident), to: &sink)
            progress?.advance()
        }
        // After every object, so each note follows what it is about; an authored report's quotes are few.
        try bundle.append(builder.takeEvidenceNotes(), to: &sink)
        try bundle.append(builder.verbatimObjects(), to: &sink)
        var warnings: [Diagnostic] = []
        if let (reportObject, refs) = builder.reportObject() {
            if let refs {
                try bundle.append(reportObject, streaming: STIXBundleBuilder.streamedRefsKey, strings: refs, to: &sink)
            } else {
                try bundle.append(reportObject, to: &sink)
            }
        } else if report.stixImport?.isSynthetic != true || bundle.count == 0 {
            warnings.append(
                Diagnostic(
                    .warning, "the bundle holds no report: \(view.recipient.map { "'\($0)'" } ?? "the view") receives no object",
                    hint: "check the markings' releasable-to lists"))
        }
        // The producer identity goes out only when exportctl created something; it uses our extension, so it
        // is built before the definitions are chosen.
        if builder.createsObjects { try bundle.append(builder.producerIdentity(), to: &sink) }
        try bundle.append(builder.definitions(), to: &sink)
        try bundle.close(to: &sink)
        return ExportSummary(
            objectsWritten: bundle.count, notCarried: builder.notCarried, warnings: warnings)
    }
}

/// The bundle's bytes: header, comma-separated objects at nesting level 2, footer — as Python's
/// `json.dumps(bundle, sort_keys=True, indent=2, ensure_ascii=False)` would write them.
package struct BundleStream {
    package private(set) var count = 0

    package init() {}

    package mutating func open(id: String, to sink: inout some ByteSink) throws {
        var out = Array("{\n  \"id\": ".utf8)
        CanonicalJSON.writeString(id, into: &out)
        out += Array(",\n  \"objects\": [".utf8)
        try sink.write(out)
    }

    /// Reused for every object: one allocation per bundle instead of one per object.
    private var buffer: [UInt8] = []

    package mutating func append(_ object: JSONObjectBuilder, to sink: inout some ByteSink) throws {
        buffer.removeAll(keepingCapacity: true)
        buffer.append(contentsOf: (count == 0 ? "\n    " : ",\n    ").utf8)
        object.write(indent: 2, level: 2, into: &buffer)
        count += 1
        try sink.write(buffer)
    }

    /// Appends an object whose member `key` is the list `strings`, written (and handed to the sink) piece by
    /// piece: the report's `object_refs` holds every id of the bundle. The bytes are those of `append` with
    /// the list as the member's value.
    package mutating func append(
        _ object: JSONObjectBuilder, streaming key: String, strings: [String], to sink: inout some ByteSink
    ) throws {
        buffer.removeAll(keepingCapacity: true)
        buffer.append(contentsOf: (count == 0 ? "\n    " : ",\n    ").utf8)
        buffer.append(UInt8(ascii: "{"))
        for (index, member) in object.sortedMembers().enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            buffer.append(contentsOf: "\n      ".utf8)
            CanonicalJSON.writeString(member.key, into: &buffer)
            buffer.append(contentsOf: ": ".utf8)
            guard member.key == key else {
                CanonicalJSON.write(member.value, indent: 2, level: 3, into: &buffer)
                continue
            }
            guard !strings.isEmpty else {
                buffer.append(contentsOf: "[]".utf8)
                continue
            }
            buffer.append(UInt8(ascii: "["))
            for (position, text) in strings.enumerated() {
                if position > 0 { buffer.append(UInt8(ascii: ",")) }
                buffer.append(contentsOf: "\n        ".utf8)
                CanonicalJSON.writeString(text, into: &buffer)
                if buffer.count >= 1 << 20 {
                    try sink.write(buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            buffer.append(contentsOf: "\n      ]".utf8)
        }
        buffer.append(contentsOf: (object.members.isEmpty ? "}" : "\n    }").utf8)
        count += 1
        try sink.write(buffer)
    }

    mutating func append(_ objects: [JSONObjectBuilder], to sink: inout some ByteSink) throws {
        for object in objects { try append(object, to: &sink) }
    }

    package func close(to sink: inout some ByteSink) throws {
        try sink.write(Array(((count == 0 ? "" : "\n  ") + "],\n  \"type\": \"bundle\"\n}\n").utf8))
    }
}
