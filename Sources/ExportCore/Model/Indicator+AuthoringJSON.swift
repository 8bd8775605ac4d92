/// Indicators, observables, malware and tools in the authoring format's canonical shape, as
/// ``ThreatReport/authoringJSON()`` writes the other objects: empty lists and absent values left out.
extension Indicator {
    var authoringJSON: JSONValue {
        var object = JSONObjectBuilder()
        object["id"] = .string(id)
        object["name"] = .string(name)
        object["description"] = description.map(JSONValue.string)
        object["pattern"] = .string(pattern)
        object["pattern_type"] = .string(patternType.rawValue)
        object.text("valid_from", validFrom)
        object.text("valid_until", validUntil)
        object.strings("indicator_types", types)
        object.list("kill_chain_phases", killChainPhases.map(\.authoringJSON))
        object.list("indicates", indicates.map(\.authoringJSON))
        object.list("based_on", basedOn.map(\.authoringJSON))
        object.common(confidence: confidence, sources: sources, marking: marking)
        object.evidence(evidence)
        return object.value
    }
}

extension KillChainPhase {
    var authoringJSON: JSONValue {
        .object(["kill_chain_name": .string(killChainName), "phase_name": .string(phaseName)])
    }
}

extension Observable {
    var authoringJSON: JSONValue {
        var object = JSONObjectBuilder()
        object["id"] = .string(id)
        object["type"] = .string(kind.rawValue)
        object["value"] = value.map(JSONValue.string)
        object["name"] = fileName.map(JSONValue.string)
        if !hashes.isEmpty {
            object["hashes"] = .object(Dictionary(hashes.map { ($0.algorithm.rawValue, JSONValue.string($0.value)) },
                                                  uniquingKeysWith: { first, _ in first }))
        }
        object.list("involved_in", involvedIn.map(\.authoringJSON))
        object["marking"] = marking.map(\.authoringJSON)
        return object.value
    }
}

extension Malware {
    var authoringJSON: JSONValue {
        var object = JSONObjectBuilder(id: id, name: name, aliases: aliases)
        object["description"] = description.map(JSONValue.string)
        object["is_family"] = .bool(isFamily)
        object.strings("malware_types", types)
        object.strings("capabilities", capabilities)
        object.list("used_by", usedBy.map(\.authoringJSON))
        object.common(confidence: confidence, sources: sources, marking: marking)
        object.evidence(evidence)
        return object.value
    }
}

extension Tool {
    var authoringJSON: JSONValue {
        var object = JSONObjectBuilder(id: id, name: name, aliases: aliases)
        object["description"] = description.map(JSONValue.string)
        object.strings("tool_types", types)
        object.list("used_by", usedBy.map(\.authoringJSON))
        object.common(confidence: confidence, sources: sources, marking: marking)
        object.evidence(evidence)
        return object.value
    }
}
