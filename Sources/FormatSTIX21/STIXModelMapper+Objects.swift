import ExportCore
import ExportSharing

/// One model object from one STIX object and the relationships around it.
extension STIXModelMapper {
    mutating func actor(_ object: Object, default defaultMarking: Marking?) -> Actor {
        let ext = Self.ext(object, .object)
        let id = Self.string(object, "id") ?? ""
        let isThreatActor = Self.string(object, "type") == "threat-actor"
        let kind = Self.string(ext, "actor_kind").flatMap(ActorKind.init(rawValue:))
            ?? (isThreatActor ? .threatActor : Self.string(object, "identity_class") == "individual" ? .individual : .organization)
        var actor = Actor(
            id: localID(object), name: Self.string(object, "name") ?? "", kind: kind,
            description: Self.string(object, "description"), confidence: Self.confidence(object),
            sources: Self.sources(object), marking: marking(object))
        if isThreatActor {
            actor.aliases = Self.strings(object, "aliases")
            actor.sectors = Self.strings(ext, "sectors").map(IndustrySector.init)
            actor.roles = Self.strings(ext, "roles")
            let profile = ThreatProfile(
                types: Self.strings(object, "threat_actor_types").map(ThreatActorType.init),
                sophistication: Self.string(object, "sophistication").map(Sophistication.init),
                resourceLevel: Self.string(object, "resource_level").map(ResourceLevel.init),
                primaryMotivation: Self.string(object, "primary_motivation").map(Motivation.init),
                secondaryMotivations: Self.strings(object, "secondary_motivations").map(Motivation.init),
                goals: Self.strings(object, "goals"), firstSeen: Self.date(object, "first_seen"),
                lastSeen: Self.date(object, "last_seen"))
            // An exportctl threat actor always had a profile only when some field was set.
            if profile != ThreatProfile() { actor.threat = profile }
        } else {
            actor.aliases = Self.strings(ext, "aliases")
            actor.sectors = Self.strings(object, "sectors").map(IndustrySector.init)
            actor.roles = Self.strings(object, "roles")
        }
        if let location = derivedLocation(of: id) { actor.country = Self.string(location, "country").flatMap(CountryCode.init) }
        actor.sponsoredBy = links("attributed-to", from: id)
        actor.imported = imported(object)
        actor.evidence = evidence(of: id)
        return actor
    }

    mutating func activity(_ object: Object) -> Activity {
        let id = Self.string(object, "id") ?? ""
        let isCampaign = Self.string(object, "type") == "campaign"
        var activity = Activity(
            id: localID(object), name: Self.string(object, "name") ?? "", aliases: Self.strings(object, "aliases"),
            description: Self.string(object, "description"), firstSeen: Self.date(object, "first_seen"),
            lastSeen: Self.date(object, "last_seen"),
            objective: isCampaign ? Self.string(object, "objective") : Self.string(Self.ext(object, .object), "objective"),
            attributedTo: links("attributed-to", from: id), targets: links("targets", from: id),
            confidence: Self.confidence(object), sources: Self.sources(object), marking: marking(object))
        activity.imported = imported(object)
        activity.evidence = evidence(of: id)
        return activity
    }

    mutating func partnership(_ object: Object) -> Partnership {
        let id = Self.string(object, "id") ?? ""
        let ours = Self.ext(object, .partnership)
        var partnership = Partnership(
            id: localID(object), name: Self.string(object, "name") ?? "",
            kind: PartnershipKind(Self.string(ours, "kind") ?? "unknown"), aliases: Self.strings(Self.ext(object, .object), "aliases"),
            scope: Self.strings(ours, "scope").map(PartnershipScope.init),
            established: Self.string(ours, "established").flatMap { try? PartialDate(parsing: $0) },
            description: Self.string(object, "description"), confidence: Self.confidence(object),
            sources: Self.sources(object), marking: marking(object))
        partnership.members = memberships(of: id)
        partnership.imported = imported(object)
        partnership.evidence = evidence(of: id)
        return partnership
    }

    private mutating func memberships(of partnershipID: String) -> [Membership] {
        // `part-of` or `related-to` carrying `link_type: member-of`; bare `member-of` in older bundles.
        let candidates = (incoming[partnershipID] ?? []).filter {
            STIXRelationshipTyping.semanticType(of: $0) == STIXRelationshipTyping.memberOf
        }
        return candidates.compactMap { relationship in
            guard let member = Self.string(relationship, "source_ref").flatMap({ localIDs[$0] }),
                let id = Self.string(relationship, "id")
            else { return nil }
            consumed.insert(id)
            var membership = Membership(
                member, role: Self.string(Self.ext(relationship, .membership), "role").map(MembershipRole.init),
                since: Self.date(relationship, "start_time"), until: Self.date(relationship, "stop_time"),
                marking: marking(relationship))
            membership.imported = imported(relationship)
            membership.evidence = evidence(of: id)
            return membership
        }
    }

    mutating func incident(_ object: Object) -> Incident {
        let id = Self.string(object, "id") ?? ""
        let ours = Self.ext(object, .incident)
        let core = object["extensions"]?[STIXExtensionDefinition.incidentCoreID]?.objectValue ?? [:]
        var incident = Incident(
            id: localID(object), title: Self.string(object, "name") ?? "",
            kind: IncidentKind(Self.string(ours, "kind") ?? Self.strings(core, "incident_types").first ?? "unknown"),
            description: Self.string(object, "description"),
            when: Self.string(ours, "when").flatMap { try? DateSpan(parsing: $0) },
            outcome: Self.string(ours, "outcome"), impacts: Self.strings(ours, "impacts"),
            status: IncidentStatus(Self.string(ours, "status") ?? Self.string(core, "investigation_status") ?? "open"),
            determination: IncidentDetermination(
                Self.string(ours, "determination") ?? Self.string(core, "determination") ?? "suspected"),
            confidence: Self.confidence(object), sources: Self.sources(object), marking: marking(object))
        if let place = derivedLocation(of: id) {
            incident.location = Self.place(place)
        } else if let written = ours["location"]?.objectValue {
            incident.location = Location(
                name: Self.string(written, "name"), country: Self.string(written, "country").flatMap(CountryCode.init),
                region: Self.string(written, "region").map(Region.init), latitude: written["latitude"]?.number,
                longitude: written["longitude"]?.number)
        }
        incident.attributedTo = links("attributed-to", from: id)
        incident.targets = links("targets", from: id)
        incident.responders = links(STIXBundleBuilder.respondsTo, from: id, reversed: true)
        incident.supporters = links(STIXBundleBuilder.supportsResponseTo, from: id, reversed: true)
        incident.imported = imported(object)
        incident.evidence = evidence(of: id)
        return incident
    }
}

extension STIXModelMapper {
    /// An incident's place from its derived location: fields the writer moved into our extension (so that
    /// the location has one of coordinates, country, region) come back, and a name it filled in is dropped.
    static func place(_ object: Object) -> Location {
        let ours = ext(object, .object)
        var place = Location(
            name: nil, country: (string(object, "country") ?? string(ours, "country")).flatMap(CountryCode.init),
            region: (string(object, "region") ?? string(ours, "region")).map(Region.init),
            latitude: object["latitude"]?.number, longitude: object["longitude"]?.number)
        let name = string(object, "name")
        if let authored = string(ours, "name") {
            place.name = authored
        } else if name != STIXBundleBuilder.defaultName(of: place) {
            place.name = name
        }
        return place
    }
}

extension JSONValue {
    /// The number, when this is one.
    var number: Double? {
        switch self {
        case .double(let value): value
        case .int(let value): Double(value)
        default: nil
        }
    }
}
