import ExportCore

/// The producer identity, the report object, and the definitions a bundle ships with its objects.
extension STIXBundleBuilder {
    /// The producer's identity, the `created_by_ref` of everything exportctl creates.
    mutating func producerIdentity() -> JSONObjectBuilder {
        _ = claim(producerRef)
        var object = common(type: "identity", id: producerRef, marking: nil)
        object["name"] = .string(report.producer.name)
        object["identity_class"] = "organization"
        var ext = JSONObjectBuilder()
        ext["local_id"] = .string(report.producer.id)
        ext["producer"] = .bool(true)
        attach([(STIXExtensionDefinition.object.id, ext)], to: &object)
        return object
    }

    /// Imported objects the model has no place for, unchanged; the report lists the domain and
    /// relationship objects among them.
    mutating func verbatimObjects() -> [JSONObjectBuilder] {
        report.verbatimObjects.compactMap { verbatim($0) }
    }

    /// The member of ``reportObject()`` whose value the writer streams from ``objectRefs``.
    static let streamedRefsKey = "object_refs"

    /// The `report` listing every object written so far; `nil` when nothing was listed. Its `object_refs`
    /// is a placeholder when `streamedRefs` is returned: its ``STIXObjectRecord`` streams the list in its place.
    mutating func reportObject() -> (object: JSONObjectBuilder, streamedRefs: [String]?)? {
        guard !objectRefs.isEmpty, report.stixImport?.isSynthetic != true else { return nil }
        if let imported = report.stixImport?.report { return verbatim(imported).map { ($0, nil) } }
        let id = id("report", StableID.reportLocalID)
        var object = common(type: "report", id: id, marking: report.marking ?? report.defaultMarking)
        object["name"] = .string(report.title)
        object["description"] = report.description.map(JSONValue.string)
        object["published"] = .string(timestamp)
        object["report_types"] = .array(["threat-report"])
        // A placeholder that keeps the key's place: the writer streams the list (a million ids would otherwise
        // be one value and one buffer of tens of megabytes at the end of the export).
        object[Self.streamedRefsKey] = .null
        object.list("external_references", report.sources.map(\.externalReference))
        var ext = JSONObjectBuilder()
        ext["format_version"] = .string(report.formatVersion)
        if report.marking != nil {
            // The report object carries the narrative's marking; the default for everything else rides here.
            ext["default_marking_refs"] = .array(markingRefs(report.defaultMarking).map(JSONValue.string))
        }
        Self.recordPrecision(report.published, as: "published", in: &ext)
        attach([(STIXExtensionDefinition.object.id, ext)], to: &object)
        return (object, objectRefs)
    }

    /// The marking and extension definitions the written objects use, with our definitions' creator.
    mutating func definitions() -> [JSONObjectBuilder] {
        var out = TLP.allCases.filter { usedTLP.contains($0) && claim(STIXMarkings.tlpID($0)) }
            .map { JSONObjectBuilder(STIXMarkings.tlpObject($0)) }
        // Indexed once: a scan of every actor per party per marking was quadratic in the report's size. Only
        // what the walk reads is indexed (a copy of every actor was a peak at the end of a large export).
        // States only carry a nationality: an organisation or a person is not its country (a label naming one
        // must not become "releasable to" the whole country).
        let actors = Dictionary(report.actors.map { ($0.id, $0.kind == .state ? $0.country : nil) }, uniquingKeysWith: { first, _ in first })
        let partnerships = Dictionary(report.partnerships.map { ($0.id, $0.members) }, uniquingKeysWith: { first, _ in first })
        for marking in acsMarkings {
            let nationalities = nationalities(marking.releasees, actors: actors, partnerships: partnerships)
            var object = JSONObjectBuilder(STIXMarkings.acsObject(
                id: marking.id, releasees: marking.releasees, nationalities: nationalities,
                created: timestamp, producerRef: producerRef, custodian: custodian))
            if profile == .opencti, let name = object["name"] {
                // OpenCTI reads these first; without them it files the marking as a statement.
                object["x_opencti_definition_type"] = "REL"
                object["x_opencti_definition"] = name
            }
            out.append(object)
            use(STIXExtensionDefinition.object.id)
        }
        let ours = STIXExtensionDefinition.ours.filter { usedExtensions.contains($0.id) }
        if !ours.isEmpty { out.append(JSONObjectBuilder(STIXExtensionDefinition.creatorObject)) }
        out += ours.map { JSONObjectBuilder($0.object) }
        return out
    }

    /// The alpha-3 codes a releasable-to list reaches: countries as written, parties through their members
    /// at the report's date (partnerships recursively, actors by their country).
    func nationalities(
        _ releasees: [Releasee], actors: [String: CountryCode?], partnerships: [String: [Membership]]
    ) -> [String] {
        var codes: Set<String> = []
        var visited: Set<String> = []
        var pending: [String] = []
        for releasee in releasees {
            switch releasee {
            case .country(let code): codes.insert(code.alpha3)
            case .party(let id): pending.append(id)
            }
        }
        while let id = pending.popLast() {
            guard visited.insert(id).inserted else { continue }
            if let country = actors[id] {
                if let country { codes.insert(country.alpha3) }
            } else if let members = partnerships[id] {
                pending += members.filter { $0.counts(on: report.published) }.map(\.member)
            }
        }
        return codes.sorted()
    }
}
