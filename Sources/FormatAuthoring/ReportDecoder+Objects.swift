import ExportCore
import ExportSharing

extension ReportDecoder {
    func actor(_ node: YAMLNode) -> Actor? {
        guard
            let reader = MappingReader(
                node, what: "an actor", allowed: AuthoringKeys.actor, required: AuthoringKeys.idNameAndKind,
                context: context)
        else { return nil }
        let kind = reader.enumeration("kind", ActorKind.self)
        var threat: ThreatProfile?
        let threatKeys = AuthoringKeys.threat.filter { reader.value($0) != nil }
        if kind == .threatActor {
            // A threat actor with no profile field has no profile, as every other reader reads it back.
            threat = ThreatProfile(
                types: reader.vocabularies("threat_actor_types"),
                sophistication: reader.vocabulary("sophistication"),
                resourceLevel: reader.vocabulary("resource_level"),
                primaryMotivation: reader.vocabulary("primary_motivation"),
                secondaryMotivations: reader.vocabularies("secondary_motivations"),
                goals: reader.strings("goals"),
                firstSeen: reader.date("first_seen"),
                lastSeen: reader.date("last_seen"))
            if threat == ThreatProfile() { threat = nil }
        } else if kind != nil {
            for key in threatKeys {
                if let value = reader.value(key) {
                    context.error("'\(key)' applies only to actors of kind threat-actor", at: value,
                                  hint: "set kind: threat-actor or remove '\(key)'")
                }
            }
        }
        var actor = Actor(
            id: identifier(reader), name: reader.requiredText("name"), kind: kind ?? .organization,
            aliases: reader.strings("aliases"), country: reader.country("country"),
            sectors: reader.vocabularies("sectors"), roles: reader.strings("roles"),
            description: reader.string("description"), threat: threat, sponsoredBy: links(reader, "sponsored_by"),
            confidence: reader.int("confidence", in: 0...100), sources: reader.strings("sources"),
            marking: objectMarking(reader), mispOrganisationUUID: mispOrganisationUUID(reader))
        actor.evidence = evidence(reader)
        return actor
    }

    /// A partner's real MISP organisation UUID: 36 characters, lowercase hex and hyphens in the 8-4-4-4-12 form.
    private func mispOrganisationUUID(_ reader: MappingReader) -> String? {
        guard let node = reader.value("misp_organisation_uuid"), let text = reader.text(node, "misp_organisation_uuid") else {
            return nil
        }
        let groups = text.split(separator: "-", omittingEmptySubsequences: false).map(\.count)
        let isHex = text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) || $0 == UInt8(ascii: "-") }
        if groups != [8, 4, 4, 4, 12] || !isHex {
            context.error("'misp_organisation_uuid' must be a lowercase UUID", at: node,
                          hint: "copy the organisation's UUID from the partner's MISP, e.g. 5f6e…-…")
        }
        return text
    }

    func activity(_ node: YAMLNode, what: String) -> Activity? {
        guard
            let reader = MappingReader(
                node, what: what, allowed: AuthoringKeys.activity, required: AuthoringKeys.idAndName,
                context: context)
        else { return nil }
        var activity = Activity(
            id: identifier(reader), name: reader.requiredText("name"), aliases: reader.strings("aliases"),
            description: reader.string("description"), firstSeen: reader.date("first_seen"),
            lastSeen: reader.date("last_seen"), objective: reader.string("objective"),
            attributedTo: links(reader, "attributed_to"), targets: links(reader, "targets"),
            confidence: reader.int("confidence", in: 0...100), sources: reader.strings("sources"),
            marking: objectMarking(reader))
        activity.evidence = evidence(reader)
        return activity
    }

    func partnership(_ node: YAMLNode) -> Partnership? {
        guard
            let reader = MappingReader(
                node, what: "a partnership", allowed: AuthoringKeys.partnership,
                required: AuthoringKeys.idNameAndKind, context: context)
        else { return nil }
        var partnership = Partnership(
            id: identifier(reader), name: reader.requiredText("name"),
            kind: reader.vocabulary("kind") ?? PartnershipKind(""), aliases: reader.strings("aliases"),
            members: reader.list("members") { membership($0) },
            scope: reader.vocabularies("scope"), established: reader.date("established"),
            description: reader.string("description"), confidence: reader.int("confidence", in: 0...100),
            sources: reader.strings("sources"), marking: objectMarking(reader))
        partnership.evidence = evidence(reader)
        return partnership
    }

    func membership(_ node: YAMLNode) -> Membership? {
        if case .scalar = node.content {
            return context.text(node, key: "members").map { Membership($0) }
        }
        guard
            let reader = MappingReader(
                node, what: "a membership", allowed: AuthoringKeys.membership,
                required: AuthoringKeys.membershipRequired,
                context: context)
        else { return nil }
        var membership = Membership(
            reader.string("member") ?? "", role: reader.vocabulary("role"), since: reader.date("since"),
            until: reader.date("until"), marking: objectMarking(reader))
        membership.evidence = evidence(reader)
        return membership
    }

    func incident(_ node: YAMLNode) -> Incident? {
        guard
            let reader = MappingReader(
                node, what: "an incident", allowed: AuthoringKeys.incident,
                required: AuthoringKeys.incidentRequired, context: context)
        else { return nil }
        var incident = Incident(
            id: identifier(reader), title: reader.requiredText("title"),
            kind: reader.vocabulary("kind") ?? IncidentKind(""), description: reader.string("description"),
            when: reader.span("when"),
            location: reader.mapping("where", what: "a location", allowed: AuthoringKeys.location,
                required: AuthoringKeys.noneRequired) {
                location($0)
            },
            attributedTo: links(reader, "attributed_to"), targets: links(reader, "targets"),
            responders: links(reader, "responders"), supporters: links(reader, "supporters"),
            outcome: reader.string("outcome"), impacts: reader.strings("impacts"),
            status: reader.vocabulary("status") ?? .open, determination: reader.vocabulary("determination") ?? .suspected,
            confidence: reader.int("confidence", in: 0...100), sources: reader.strings("sources"),
            marking: objectMarking(reader))
        incident.evidence = evidence(reader)
        return incident
    }

    func location(_ reader: MappingReader) -> Location {
        let latitude = reader.double("latitude", in: -90...90)
        let longitude = reader.double("longitude", in: -180...180)
        if (reader.value("latitude") == nil) != (reader.value("longitude") == nil) {
            context.error("a location needs both 'latitude' and 'longitude', or neither", at: reader.node)
        }
        if AuthoringKeys.location.allSatisfy({ reader.value($0) == nil }) {
            context.error("a location needs a name, a country, a region or coordinates", at: reader.node)
        }
        return Location(
            name: reader.string("name"), country: reader.country("country"), region: reader.vocabulary("region"),
            latitude: latitude, longitude: longitude)
    }

    private func objectMarking(_ reader: MappingReader) -> Marking? {
        reader.value("marking").flatMap { marking($0) }
    }
}
