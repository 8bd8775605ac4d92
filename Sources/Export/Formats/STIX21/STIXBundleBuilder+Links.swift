/// Relationships: one per link, marked with the link's own marking or the stricter of its ends'.
extension STIXBundleBuilder {
    /// A relationship for a link from a report object, or `nil` when the link's target is not in the report.
    ///
    /// - Parameters:
    ///   - extra: extension payloads to add (for example the membership role), keyed by extension id.
    ///   - localID: the relationship's local id; defaults to `source|type|target`.
    ///   - reversed: whether the relationship runs from the link's target to `source` (a responder
    ///     `responds-to` the incident that lists it).
    mutating func relationship(
        _ type: String, from source: String, to link: Link, localID: String? = nil, reversed: Bool = false,
        configure: (inout JSONObjectBuilder, inout JSONObjectBuilder) -> Void = { _, _ in }
    ) -> JSONObjectBuilder? {
        guard let sourceRef = stixIDs[source], let targetRef = stixIDs[link.ref] else {
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
        let marking = LinkMarking.effective(
            own: link.marking, from: effectiveMarking(of: source), to: effectiveMarking(of: link.ref))
        var object = common(type: "relationship", id: id, marking: marking)
        object["relationship_type"] = .string(type)
        object["source_ref"] = .string(reversed ? targetRef : sourceRef)
        object["target_ref"] = .string(reversed ? sourceRef : targetRef)
        object["description"] = link.description.map(JSONValue.string)
        var ext = JSONObjectBuilder()
        if link.marking == nil, marking != nil { ext["marking_inherited"] = .bool(true) }
        configure(&object, &ext)
        attach([(STIXExtensionDefinition.object.id, ext)], to: &object)
        list(id)
        noteEvidence(link.evidence, about: id, localID: local, marking: marking)
        return object
    }

    /// `type` relationships from one object to each link's target.
    mutating func relationships(_ type: String, from source: String, to links: [Link], reversed: Bool = false)
        -> [JSONObjectBuilder]
    {
        links.compactMap { relationship(type, from: source, to: $0, reversed: reversed) }
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
