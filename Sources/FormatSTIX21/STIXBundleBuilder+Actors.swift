import ExportCore

/// Actors: states, agencies, organisations and individuals become `identity`; threat actors `threat-actor`.
extension STIXBundleBuilder {
    /// The objects for one actor: itself, its country location when first needed, and its relationships.
    mutating func objects(for actor: Actor) -> [JSONObjectBuilder] {
        if let imported = actor.imported {
            return [verbatim(imported)].compactMap { $0 } + relationships("attributed-to", from: actor.id, to: actor.sponsoredBy)
        }
        guard let id = identities.identity(of: actor.id)?.stixID, claim(id) else { return [] }
        let isThreatActor = actor.kind == .threatActor
        var object = common(
            type: isThreatActor ? "threat-actor" : "identity", id: id, marking: actor.marking ?? report.defaultMarking,
            confidence: actor.confidence, sources: actor.sources)
        object["name"] = .string(actor.name)
        object["description"] = actor.description.map(JSONValue.string)
        var ext = objectExtension(localID: actor.id, inherits: actor.marking == nil)
        ext["actor_kind"] = .string(actor.kind.rawValue)
        if isThreatActor {
            object.strings("aliases", actor.aliases)
            ext.strings("sectors", actor.sectors)
            ext.strings("roles", actor.roles)
            if let threat = actor.threat { setThreat(threat, on: &object, ext: &ext) }
        } else {
            object["identity_class"] = .string(actor.kind == .individual ? "individual" : "organization")
            object.strings("sectors", actor.sectors)
            object.strings("roles", actor.roles)
            ext.strings("aliases", actor.aliases)
            if actor.threat != nil { skip("threat profile of an actor that is not a threat actor") }
        }
        attach([(STIXExtensionDefinition.object.id, ext)], to: &object)
        list(id)
        noteEvidence(actor.evidence, about: id, localID: actor.id, marking: actor.marking ?? report.defaultMarking)
        var out = [object]
        if let country = actor.country {
            out += countryLocation(country, of: actor.id, label: actor.marking ?? report.defaultMarking)
        }
        out += relationships("attributed-to", from: actor.id, to: actor.sponsoredBy)
        return out
    }

    private func setThreat(_ threat: ThreatProfile, on object: inout JSONObjectBuilder, ext: inout JSONObjectBuilder) {
        object.strings("threat_actor_types", threat.types)
        object.text("sophistication", threat.sophistication)
        object.text("resource_level", threat.resourceLevel)
        object.text("primary_motivation", threat.primaryMotivation)
        object.strings("secondary_motivations", threat.secondaryMotivations)
        object.strings("goals", threat.goals)
        Self.setDate(threat.firstSeen, as: "first_seen", in: &object, ext: &ext)
        Self.setDate(threat.lastSeen, as: "last_seen", in: &object, ext: &ext)
    }

    /// The object extension's common start: the local id and whether the marking was inherited.
    func objectExtension(localID: String, inherits: Bool) -> JSONObjectBuilder {
        var ext = JSONObjectBuilder()
        ext["local_id"] = .string(localID)
        if inherits, report.defaultMarking != nil { ext["marking_inherited"] = .bool(true) }
        return ext
    }

    /// The shared, unmarked location of a country (once per bundle) and the actor's `located-at` link to it,
    /// which carries the actor's label: an unmarked relationship would read wider than the actor it describes.
    private mutating func countryLocation(_ country: CountryCode, of actorID: String, label: Marking?) -> [JSONObjectBuilder] {
        let localID = "country:" + country.alpha2
        let locationID = id("location", localID)
        var out: [JSONObjectBuilder] = []
        if claim(locationID) {
            var location = common(type: "location", id: locationID, marking: nil)
            location["name"] = .string(country.name)
            location["country"] = .string(country.alpha2)
            var ext = JSONObjectBuilder()
            ext["derived"] = .bool(true)
            attach([(STIXExtensionDefinition.object.id, ext)], to: &location)
            list(locationID)
            out.append(location)
        }
        placeIDs[localID] = locationID
        consumerTypes[localID] = .country
        var located = Link(localID)
        located.label = label
        if let link = relationship("located-at", from: actorID, to: located, configure: { _, ext in
            ext["derived"] = .bool(true)
        }) {
            out.append(link)
        }
        return out
    }
}
