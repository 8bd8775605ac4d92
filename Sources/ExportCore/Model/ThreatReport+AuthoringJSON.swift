/// The model in the authoring format's canonical shape: every key snake_case, empty lists and absent
/// values left out, links without a marking or description written as a bare id.
extension ThreatReport {
    /// The report as an authoring document, ready for ``CanonicalJSON``.
    public func authoringJSON() -> JSONValue {
        var root = JSONObjectBuilder()
        root["format_version"] = .string(formatVersion)
        root["title"] = .string(title)
        root["description"] = description.map(JSONValue.string)
        root["published"] = .string(published.description)
        root["producer"] = .object(["id": .string(producer.id), "name": .string(producer.name)])
        root["default_marking"] = defaultMarking.map(\.authoringJSON)
        root["marking"] = marking.map(\.authoringJSON)
        root.list("sources", sources.map(\.authoringJSON))
        root.list("actors", actors.map(\.authoringJSON))
        root.list("intrusion_sets", intrusionSets.map(\.authoringJSON))
        root.list("campaigns", campaigns.map(\.authoringJSON))
        root.list("partnerships", partnerships.map(\.authoringJSON))
        root.list("incidents", incidents.map(\.authoringJSON))
        root.list("indicators", indicators.map(\.authoringJSON))
        root.list("observables", observables.map(\.authoringJSON))
        root.list("malware", malware.map(\.authoringJSON))
        root.list("tools", tools.map(\.authoringJSON))
        return root.value
    }
}

extension Marking {
    var authoringJSON: JSONValue {
        var object = JSONObjectBuilder()
        object["tlp"] = .string(tlp.rawValue)
        object.list("releasable_to", releasableTo.map { .string($0.text) })
        return object.value
    }
}

extension Link {
    var authoringJSON: JSONValue {
        guard marking != nil || description != nil || !evidence.isEmpty else { return .string(ref) }
        var object = JSONObjectBuilder()
        object["ref"] = .string(ref)
        object["marking"] = marking.map(\.authoringJSON)
        object["description"] = description.map(JSONValue.string)
        object.evidence(evidence)
        return object.value
    }
}

extension Source {
    var authoringJSON: JSONValue {
        var object = JSONObjectBuilder()
        object["id"] = .string(id)
        object["name"] = .string(name)
        object["url"] = url.map(JSONValue.string)
        object["sha256"] = sha256.map(JSONValue.string)
        object["description"] = description.map(JSONValue.string)
        return object.value
    }
}

extension Location {
    package var authoringJSON: JSONValue {
        var object = JSONObjectBuilder()
        object["name"] = name.map(JSONValue.string)
        object.text("country", country)
        object.text("region", region)
        object["latitude"] = latitude.map(JSONValue.double)
        object["longitude"] = longitude.map(JSONValue.double)
        return object.value
    }
}

extension Actor {
    var authoringJSON: JSONValue {
        var object = JSONObjectBuilder(id: id, name: name, aliases: aliases)
        object["kind"] = .string(kind.rawValue)
        object.text("country", country)
        object.strings("sectors", sectors)
        object.strings("roles", roles)
        object["description"] = description.map(JSONValue.string)
        if let threat {
            object.strings("threat_actor_types", threat.types)
            object.text("sophistication", threat.sophistication)
            object.text("resource_level", threat.resourceLevel)
            object.text("primary_motivation", threat.primaryMotivation)
            object.strings("secondary_motivations", threat.secondaryMotivations)
            object.strings("goals", threat.goals)
            object.text("first_seen", threat.firstSeen)
            object.text("last_seen", threat.lastSeen)
        }
        object.list("sponsored_by", sponsoredBy.map(\.authoringJSON))
        object["misp_organisation_uuid"] = mispOrganisationUUID.map(JSONValue.string)
        object.common(confidence: confidence, sources: sources, marking: marking)
        object.evidence(evidence)
        return object.value
    }
}

extension Activity {
    var authoringJSON: JSONValue {
        var object = JSONObjectBuilder(id: id, name: name, aliases: aliases)
        object["description"] = description.map(JSONValue.string)
        object.text("first_seen", firstSeen)
        object.text("last_seen", lastSeen)
        object["objective"] = objective.map(JSONValue.string)
        object.list("attributed_to", attributedTo.map(\.authoringJSON))
        object.list("targets", targets.map(\.authoringJSON))
        object.common(confidence: confidence, sources: sources, marking: marking)
        object.evidence(evidence)
        return object.value
    }
}

extension Partnership {
    var authoringJSON: JSONValue {
        var object = JSONObjectBuilder(id: id, name: name, aliases: aliases)
        object["kind"] = .string(kind.rawValue)
        object.list("members", members.map(\.authoringJSON))
        object.strings("scope", scope)
        object.text("established", established)
        object["description"] = description.map(JSONValue.string)
        object.common(confidence: confidence, sources: sources, marking: marking)
        object.evidence(evidence)
        return object.value
    }
}

extension Membership {
    var authoringJSON: JSONValue {
        var object = JSONObjectBuilder()
        object["member"] = .string(member)
        object.text("role", role)
        object.text("since", since)
        object.text("until", until)
        object["marking"] = marking.map(\.authoringJSON)
        object.evidence(evidence)
        return object.value
    }
}

extension Incident {
    var authoringJSON: JSONValue {
        var object = JSONObjectBuilder()
        object["id"] = .string(id)
        object["title"] = .string(title)
        object["kind"] = .string(kind.rawValue)
        object["description"] = description.map(JSONValue.string)
        object.text("when", when)
        object["where"] = location.map(\.authoringJSON)
        object.list("attributed_to", attributedTo.map(\.authoringJSON))
        object.list("targets", targets.map(\.authoringJSON))
        object.list("responders", responders.map(\.authoringJSON))
        object.list("supporters", supporters.map(\.authoringJSON))
        object["outcome"] = outcome.map(JSONValue.string)
        object.strings("impacts", impacts)
        object["status"] = .string(status.rawValue)
        object["determination"] = .string(determination.rawValue)
        object.common(confidence: confidence, sources: sources, marking: marking)
        object.evidence(evidence)
        return object.value
    }
}
