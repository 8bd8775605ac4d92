import ExportCore

/// Relationships: one per link, marked with the label the sharing layer gave it (its own marking or the stricter
/// of its ends').
extension STIXBundleBuilder {
    /// A relationship for a link from a report object, or `nil` when the link's target is not in the report.
    ///
    /// - Parameters:
    ///   - extra: extension payloads to add (for example the membership role), keyed by extension id.
    ///   - localID: the relationship's local id; defaults to `source|type|target`.
    ///   - reversed: whether the relationship runs from the link's target to `source` (a responder
    ///     `responds-to` the incident that lists it).
    ///   - during: the time the link held, when the model knows it: `start_time`/`stop_time`.
    mutating func relationship(
        _ type: String, from source: String, to link: Link, localID: String? = nil, reversed: Bool = false,
        during: Period? = nil, configure: (inout JSONObjectBuilder, inout JSONObjectBuilder) -> Void = { _, _ in }
    ) -> JSONObjectBuilder? {
        guard let sourceRef = ref(source), let targetRef = ref(link.ref) else {
            skip("link to an object outside the report")
            return nil
        }
        if let imported = link.imported { return verbatim(imported) }
        let (from, to) = reversed ? (link.ref, source) : (source, link.ref)
        let local = localID ?? "\(from)|\(type)|\(to)"
        let id = id("relationship", local)
        guard claim(id) else {
            skip("repeated link")
            return nil
        }
        // The sharing layer labelled the link (``ReleasedReport``); the builder only writes the label.
        let marking = link.label ?? link.marking
        var object = common(type: "relationship", id: id, marking: marking)
        // The id keeps the semantic type (stable across exports); the wire type is one OpenCTI accepts.
        let wireType = wireType(type, from: from, to: to)
        object["relationship_type"] = .string(wireType)
        object["source_ref"] = .string(reversed ? targetRef : sourceRef)
        object["target_ref"] = .string(reversed ? sourceRef : targetRef)
        object["description"] = link.description.map(JSONValue.string)
        var ext = JSONObjectBuilder()
        if wireType != type {
            ext["link_type"] = .string(type)
            if wireType == "related-to", link.description == nil {
                object["description"] = .string(STIXRelationshipTyping.label(type))
            }
        }
        if link.marking == nil, marking != nil { ext["marking_inherited"] = .bool(true) }
        // Known times keep OpenCTI from guessing them (it reads dates out of reference text otherwise).
        Self.setDate(during?.start, as: "start_time", in: &object, ext: &ext)
        Self.setDate(during?.end, as: "stop_time", end: true, in: &object, ext: &ext)
        configure(&object, &ext)
        attach([(STIXExtensionDefinition.object.id, ext)], to: &object)
        list(id)
        noteEvidence(link.evidence, about: id, localID: local, marking: marking)
        return object
    }

    /// `type` relationships from one object to each link's target.
    mutating func relationships(
        _ type: String, from source: String, to links: [Link], reversed: Bool = false, during: Period? = nil
    ) -> [JSONObjectBuilder] {
        links.compactMap { relationship(type, from: source, to: $0, reversed: reversed, during: during) }
    }

    /// A time span a link held: the first and the last date known (either may be missing).
    struct Period {
        var start: PartialDate?
        var end: PartialDate?

        /// `nil` when neither end is known.
        init?(_ start: PartialDate?, _ end: PartialDate?) {
            guard start != nil || end != nil else { return nil }
            // A stop before the start is not valid STIX: such an end is left out rather than guessed.
            if let start, let end, end.end < start.start {
                (self.start, self.end) = (start, nil)
            } else {
                (self.start, self.end) = (start, end)
            }
        }
    }

    /// The wire type of a semantic link type between two report objects (``STIXRelationshipTyping``).
    func wireType(_ type: String, from: String, to: String) -> String {
        if Self.detectionLinkTypes.contains(type) { return type }
        let typed = STIXRelationshipTyping.typedForm(of: type)
        guard let source = consumerTypes[from], let target = consumerTypes[to],
            STIXRelationshipTyping.isAllowed(typed, from: source, to: target)
        else { return "related-to" }
        return typed
    }

    /// The object extension's `partial_dates` entry when a date is coarser than a day.
    static func recordPrecision(_ date: PartialDate?, as key: String, in ext: inout JSONObjectBuilder) {
        guard let date, date.precision != .day else { return }
        var dates = ext["partial_dates"]?.objectValue ?? [:]
        dates[key] = .string(date.description)
        ext["partial_dates"] = .object(dates)
    }

    /// Sets a timestamp property from a date (its first day, or its last with `end`) and records its precision.
    static func setDate(
        _ date: PartialDate?, as key: String, end: Bool = false, in object: inout JSONObjectBuilder,
        ext: inout JSONObjectBuilder
    ) {
        guard let date else { return }
        object[key] = .string(end ? STIXTimestamp.end(date) : STIXTimestamp.start(date))
        recordPrecision(date, as: key, in: &ext)
    }
}
