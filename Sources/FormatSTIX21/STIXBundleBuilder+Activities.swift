import ExportCore

/// Intrusion sets, campaigns and partnerships.
extension STIXBundleBuilder {
    /// The objects for an intrusion set or campaign (`type` says which) and its relationships.
    mutating func objects(for activity: Activity, type: String) -> [JSONObjectBuilder] {
        if let imported = activity.imported {
            return [verbatim(imported)].compactMap { $0 }
                + relationships("attributed-to", from: activity.id, to: activity.attributedTo)
                + relationships("targets", from: activity.id, to: activity.targets)
        }
        guard let id = identities.identity(of: activity.id)?.stixID, claim(id) else { return [] }
        var object = common(
            type: type, id: id, marking: activity.marking ?? report.defaultMarking, confidence: activity.confidence,
            sources: activity.sources)
        object["name"] = .string(activity.name)
        object["description"] = activity.description.map(JSONValue.string)
        object.strings("aliases", activity.aliases)
        var ext = objectExtension(localID: activity.id, inherits: activity.marking == nil)
        Self.setDate(activity.firstSeen, as: "first_seen", in: &object, ext: &ext)
        Self.setDate(activity.lastSeen, as: "last_seen", in: &object, ext: &ext)
        // STIX gives campaigns an objective; intrusion sets have only goals, which mean something else.
        if type == "campaign" {
            object["objective"] = activity.objective.map(JSONValue.string)
        } else {
            ext["objective"] = activity.objective.map(JSONValue.string)
        }
        attach([(STIXExtensionDefinition.object.id, ext)], to: &object)
        list(id)
        let during = Period(activity.firstSeen, activity.lastSeen)
        noteEvidence(activity.evidence, about: id, localID: activity.id, marking: activity.marking ?? report.defaultMarking)
        return [object]
            + relationships("attributed-to", from: activity.id, to: activity.attributedTo, during: during)
            + relationships("targets", from: activity.id, to: activity.targets, during: during)
    }

    /// The partnership's identity and one membership relationship per member (`part-of` where OpenCTI
    /// has it between the two, else `related-to`; ``STIXRelationshipTyping``).
    mutating func objects(for partnership: Partnership) -> [JSONObjectBuilder] {
        if let imported = partnership.imported {
            return [verbatim(imported)].compactMap { $0 } + members(of: partnership)
        }
        guard let id = identities.identity(of: partnership.id)?.stixID, claim(id) else { return [] }
        var object = common(
            type: "identity", id: id, marking: partnership.marking ?? report.defaultMarking,
            confidence: partnership.confidence, sources: partnership.sources)
        object["name"] = .string(partnership.name)
        object["description"] = partnership.description.map(JSONValue.string)
        // Always `organization`: consumers read `group` as an organisation anyway (OpenCTI) or as a generic
        // identity (MISP), and members can be `part-of` only an Organization. The kind rides in our extension.
        object["identity_class"] = "organization"
        var ext = objectExtension(localID: partnership.id, inherits: partnership.marking == nil)
        ext.strings("aliases", partnership.aliases)
        var partnershipExt = JSONObjectBuilder()
        partnershipExt["kind"] = .string(partnership.kind.rawValue)
        partnershipExt.strings("scope", partnership.scope)
        partnershipExt.text("established", partnership.established)
        attach(
            [(STIXExtensionDefinition.object.id, ext), (STIXExtensionDefinition.partnership.id, partnershipExt)],
            to: &object)
        list(id)
        noteEvidence(
            partnership.evidence, about: id, localID: partnership.id, marking: partnership.marking ?? report.defaultMarking)
        return [object] + members(of: partnership)
    }

    private mutating func members(of partnership: Partnership) -> [JSONObjectBuilder] {
        var out: [JSONObjectBuilder] = []
        for (index, membership) in partnership.members.enumerated() {
            var link = Link(partnership.id, marking: membership.marking)
            link.label = membership.label
            link.imported = membership.imported
            link.evidence = membership.evidence
            let relationship = memberOf(membership, link: link, partnership: partnership.id, index: index)
            if let relationship { out.append(relationship) }
        }
        return out
    }

    private mutating func memberOf(_ membership: Membership, link: Link, partnership: String, index: Int)
        -> JSONObjectBuilder?
    {
        // The relationship runs from the member to the partnership, the reverse of the model's list.
        let relationship = relationship(
            STIXRelationshipTyping.memberOf, from: membership.member, to: link,
            localID: "\(membership.member)|member-of|\(partnership)|\(index)"
        ) { object, ext in
            Self.setDate(membership.since, as: "start_time", in: &object, ext: &ext)
            Self.setDate(membership.until, as: "stop_time", end: true, in: &object, ext: &ext)
            if let role = membership.role {
                let payload: JSONValue = .object(["extension_type": "property-extension", "role": .string(role.rawValue)])
                object["extensions"] = .object([STIXExtensionDefinition.membership.id: payload])
            }
        }
        if relationship != nil, membership.role != nil { use(STIXExtensionDefinition.membership.id) }
        return relationship
    }
}
