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
        var objects = STIXObjectStream(view, options: options)
        var bundle = BundleStream()
        try bundle.open(id: objects.bundleID, to: &sink)
        while let object = objects.next() { try bundle.append(object, to: &sink) }
        try bundle.close(to: &sink)
        var warnings: [Diagnostic] = []
        if !objects.wroteReport, view.report.stixImport?.isSynthetic != true || bundle.count == 0 {
            warnings.append(
                Diagnostic(
                    .warning, "the bundle holds no report: \(view.recipient.map { "'\($0)'" } ?? "the view") receives no object",
                    hint: "check the markings' releasable-to lists"))
        }
        return ExportSummary(objectsWritten: bundle.count, notCarried: objects.notCarried, warnings: warnings)
    }
}

/// The bundle's bytes: header, comma-separated objects at nesting level 2, footer — as Python's
/// `json.dumps(bundle, sort_keys=True, indent=2, ensure_ascii=False)` would write them. At level 0 it writes
/// one object on its own (``STIXObjectRecord/bytes``).
package struct BundleStream {
    package private(set) var count = 0
    /// How deep each object sits: 2 inside a bundle's `objects`.
    private let level: Int

    package init(level: Int = 2) { self.level = level }

    package mutating func open(id: String, to sink: inout some ByteSink) throws {
        var out = Array("{\n  \"id\": ".utf8)
        CanonicalJSON.writeString(id, into: &out)
        out += Array(",\n  \"objects\": [".utf8)
        try sink.write(out)
    }

    /// Reused for every object: one allocation per bundle instead of one per object.
    private var buffer: [UInt8] = []

    package mutating func append(_ record: STIXObjectRecord, to sink: inout some ByteSink) throws {
        buffer.removeAll(keepingCapacity: true)
        if level > 0 { newline(count == 0 ? "" : ",", level) }
        if let list = record.streamedList {
            try appendStreaming(record.object, key: list.key, strings: list.strings, to: &sink)
        } else {
            record.object.write(indent: 2, level: level, into: &buffer)
        }
        count += 1
        try sink.write(buffer)
    }

    /// Writes an object whose member `key` is the list `strings`, handing it to the sink piece by piece: the
    /// report's `object_refs` holds every id of the bundle. The bytes are those of `append` with the list as the
    /// member's value.
    private mutating func appendStreaming(
        _ object: JSONObjectBuilder, key: String, strings: [String], to sink: inout some ByteSink
    ) throws {
        buffer.append(UInt8(ascii: "{"))
        for (index, member) in object.sortedMembers().enumerated() {
            newline(index > 0 ? "," : "", level + 1)
            CanonicalJSON.writeString(member.key, into: &buffer)
            buffer.append(contentsOf: ": ".utf8)
            guard member.key == key else {
                CanonicalJSON.write(member.value, indent: 2, level: level + 1, into: &buffer)
                continue
            }
            guard !strings.isEmpty else {
                buffer.append(contentsOf: "[]".utf8)
                continue
            }
            buffer.append(UInt8(ascii: "["))
            for (position, text) in strings.enumerated() {
                newline(position > 0 ? "," : "", level + 2)
                CanonicalJSON.writeString(text, into: &buffer)
                if buffer.count >= 1 << 20 {
                    try sink.write(buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            newline("", level + 1)
            buffer.append(UInt8(ascii: "]"))
        }
        if !object.members.isEmpty { newline("", level) }
        buffer.append(UInt8(ascii: "}"))
    }

    private mutating func newline(_ separator: String, _ depth: Int) {
        buffer.append(contentsOf: separator.utf8)
        buffer.append(UInt8(ascii: "\n"))
        buffer.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    package func close(to sink: inout some ByteSink) throws {
        try sink.write(Array(((count == 0 ? "" : "\n  ") + "],\n  \"type\": \"bundle\"\n}\n").utf8))
    }
}
