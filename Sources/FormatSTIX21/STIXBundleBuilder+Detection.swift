import ExportCore

/// Indicators, cyber-observables, malware and tools, with their relationships: `indicates` and `based-on` from
/// an indicator, `uses` from whoever uses a malware or tool, and `related-to` (described "involves") from an
/// incident to an observable seen in it, since STIX 2.1 defines no incident relationship to observables.
extension STIXBundleBuilder {
    /// The link types STIX 2.1 defines between these objects, written as themselves (the OpenCTI table that
    /// ``STIXRelationshipTyping`` follows lists no relationship from an indicator).
    static let detectionLinkTypes: Set<String> = ["indicates", "based-on", "uses"]

    mutating func objects(for indicator: Indicator) -> [JSONObjectBuilder] {
        if let imported = indicator.imported {
            return [verbatim(imported)].compactMap { $0 }
                + relationships("indicates", from: indicator.id, to: indicator.indicates)
                + relationships("based-on", from: indicator.id, to: indicator.basedOn)
        }
        guard let id = identities.identity(of: indicator.id)?.stixID, claim(id) else { return [] }
        let marking = indicator.marking ?? report.defaultMarking
        var object = common(type: "indicator", id: id, marking: marking, confidence: indicator.confidence,
                            sources: indicator.sources)
        object["name"] = .string(indicator.name)
        object["description"] = indicator.description.map(JSONValue.string)
        object.strings("indicator_types", indicator.types)
        object["pattern"] = .string(indicator.pattern)
        object["pattern_type"] = .string(indicator.patternType.rawValue)
        var ext = objectExtension(localID: indicator.id, inherits: indicator.marking == nil)
        Self.setDate(indicator.validFrom, as: "valid_from", in: &object, ext: &ext)
        Self.setDate(indicator.validUntil, as: "valid_until", end: true, in: &object, ext: &ext)
        object.list("kill_chain_phases", indicator.killChainPhases.map {
            .object(["kill_chain_name": .string($0.killChainName), "phase_name": .string($0.phaseName)])
        })
        attach([(STIXExtensionDefinition.object.id, ext)], to: &object)
        list(id)
        noteEvidence(indicator.evidence, about: id, localID: indicator.id, marking: marking)
        return [object]
            + relationships("indicates", from: indicator.id, to: indicator.indicates)
            + relationships("based-on", from: indicator.id, to: indicator.basedOn)
    }

    /// A cyber-observable: its spec-defined id, its value or hashes and name, its marking refs; no
    /// `created_by_ref`, timestamps or confidence, which STIX does not give observables. Two observables with
    /// one value are one object, written once.
    mutating func objects(for observable: Observable) -> [JSONObjectBuilder] {
        if let imported = observable.imported {
            return [verbatim(imported)].compactMap { $0 }
                + relationships("involves", from: observable.id, to: observable.involvedIn, reversed: true)
        }
        guard let id = identities.identity(of: observable.id)?.stixID, claim(id) else {
            return relationships("involves", from: observable.id, to: observable.involvedIn, reversed: true)
        }
        var object = JSONObjectBuilder()
        object["type"] = .string(observable.kind.rawValue)
        object["spec_version"] = "2.1"
        object["id"] = .string(id)
        let marking = observable.marking ?? report.defaultMarking
        object.strings("object_marking_refs", markingRefs(marking))
        object.label = marking
        object["value"] = observable.value.map(JSONValue.string)
        if !observable.hashes.isEmpty {
            var hashes = JSONObjectBuilder()
            for hash in observable.hashes { hashes[hash.algorithm.rawValue] = .string(hash.value) }
            object["hashes"] = hashes.value
        }
        object["name"] = observable.fileName.map(JSONValue.string)
        list(id)
        return [object] + relationships("involves", from: observable.id, to: observable.involvedIn, reversed: true)
    }

    mutating func objects(for malware: Malware) -> [JSONObjectBuilder] {
        if let imported = malware.imported {
            return [verbatim(imported)].compactMap { $0 } + relationships("uses", from: malware.id, to: malware.usedBy, reversed: true)
        }
        guard let id = identities.identity(of: malware.id)?.stixID, claim(id) else { return [] }
        let marking = malware.marking ?? report.defaultMarking
        var object = common(type: "malware", id: id, marking: marking, confidence: malware.confidence, sources: malware.sources)
        object["name"] = .string(malware.name)
        object["description"] = malware.description.map(JSONValue.string)
        object.strings("aliases", malware.aliases)
        object["is_family"] = .bool(malware.isFamily)
        object.strings("malware_types", malware.types)
        object.strings("capabilities", malware.capabilities)
        return finishUsed(object, id: id, localID: malware.id, ownMarking: malware.marking, marking: marking,
                          evidence: malware.evidence, usedBy: malware.usedBy)
    }

    mutating func objects(for tool: Tool) -> [JSONObjectBuilder] {
        if let imported = tool.imported {
            return [verbatim(imported)].compactMap { $0 } + relationships("uses", from: tool.id, to: tool.usedBy, reversed: true)
        }
        guard let id = identities.identity(of: tool.id)?.stixID, claim(id) else { return [] }
        let marking = tool.marking ?? report.defaultMarking
        var object = common(type: "tool", id: id, marking: marking, confidence: tool.confidence, sources: tool.sources)
        object["name"] = .string(tool.name)
        object["description"] = tool.description.map(JSONValue.string)
        object.strings("aliases", tool.aliases)
        object.strings("tool_types", tool.types)
        return finishUsed(object, id: id, localID: tool.id, ownMarking: tool.marking, marking: marking,
                          evidence: tool.evidence, usedBy: tool.usedBy)
    }

    /// What malware and tools end with alike: our extension, the listing, evidence notes and the `uses`
    /// relationships from their users.
    private mutating func finishUsed(
        _ object: JSONObjectBuilder, id: String, localID: String, ownMarking: Marking?, marking: Marking?,
        evidence: [String], usedBy: [Link]
    ) -> [JSONObjectBuilder] {
        var object = object
        attach([(STIXExtensionDefinition.object.id, objectExtension(localID: localID, inherits: ownMarking == nil))],
               to: &object)
        list(id)
        noteEvidence(evidence, about: id, localID: localID, marking: marking)
        return [object] + relationships("uses", from: localID, to: usedBy, reversed: true)
    }
}
