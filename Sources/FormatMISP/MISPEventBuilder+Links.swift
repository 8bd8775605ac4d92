import ExportCore

extension MISPEventBuilder {
    /// Where a link goes in MISP: a reference held by one object, a galaxy tag, or a cluster's meta.
    private struct Carrier {
        enum Action {
            case reference(String, to: String)
            case tag(String)
            case sponsor(String)
            /// A relation from the holder's galaxy cluster to another cluster.
            case clusterRelation(String, to: String)
        }

        /// The local id of the object, attribute or cluster that holds the link.
        var holder: String
        var action: Action

        /// Whether the carrier has room for the link's description (only a reference has a comment).
        var holdsComment: Bool {
            if case .reference = action { true } else { false }
        }
    }

    /// Carries one link, at its own marking: on its natural holder when everyone who sees the holder may see
    /// the link, otherwise as an event attribute with the link's own distribution.
    mutating func carry(_ outgoing: MISPContext.OutgoingLink, from source: String) {
        let target = outgoing.link.ref
        guard memberSet.contains(target) else { return }
        let marking = context.linkMarking(outgoing.link, from: source)
        let candidates = carriers(for: outgoing.relationship, from: source, to: target)
        if let carrier = candidates.first(where: { carrier in
            marking.audience.covers(effective(audience(of: carrier.holder)))
                && marking.tlp <= context.marking(of: carrier.holder).tlp
        }) {
            let description = outgoing.link.description ?? Self.defaultComment[outgoing.relationship]
            apply(carrier, comment: Self.comment(description, Self.evidenceText(outgoing.link.evidence)))
            // A galaxy tag or a cluster's sponsor meta has no comment: a described or evidenced link also becomes
            // a link attribute, at the same marking, so neither its description nor its quotes are lost.
            if outgoing.link.description != nil || !outgoing.link.evidence.isEmpty, !carrier.holdsComment {
                addLinkAttribute(outgoing, from: source, tlp: marking.tlp, audience: marking.audience)
            }
            // The narrative names the link only if everyone who reads the incident's report may see it.
            if spec.incidents.contains(source), !outgoing.section.isEmpty,
                marking.audience.covers(effective(audience(of: source))),
                marking.tlp <= context.marking(of: source).tlp
            {
                let entry = (section: outgoing.section, text: mention(target))
                if !(narrative[source] ?? []).contains(where: { $0 == entry }) { narrative[source, default: []].append(entry) }
            }
        } else {
            addLinkAttribute(outgoing, from: source, tlp: marking.tlp, audience: marking.audience)
        }
    }

    /// The natural holder first, then the other end with the opposite relationship: a link may sit on
    /// whichever end shows it to no one who may not see it.
    private func carriers(for relationship: String, from source: String, to target: String) -> [Carrier] {
        guard let natural = carrier(for: relationship, from: source, to: target) else { return [] }
        guard case .reference(let name, let other) = natural.action, let opposite = Self.opposites[name],
            drafts[other]?.template != nil
        else { return [natural] }
        return [natural, Carrier(holder: other, action: .reference(opposite, to: natural.holder))]
    }

    /// Opposite relationships, all in the misp-objects relationship list, each read from its holder.
    private static let opposites: [String: String] = [
        "member-of": "includes", "includes": "member-of", "attributed-to": "responsible-for",
        "responsible-for": "attributed-to", "sponsored-by": "sponsors", "targets": "targeted-by",
        "targeted-by": "targets",
    ]

    private func carrier(for relationship: String, from source: String, to target: String) -> Carrier? {
        let sourceIsActor = isThreatActor(source)
        let targetIsActor = isThreatActor(target)
        let sourceIsCampaign = isCampaign(source)
        let targetIsCampaign = isCampaign(target)
        switch relationship {
        case "sponsored-by":
            if sourceIsActor { return Carrier(holder: source, action: .sponsor(context.name(of: target))) }
            if targetIsActor { return tagging(source, with: target) }
            return Carrier(holder: source, action: .reference("sponsored-by", to: target))
        case "attributed-to":
            if targetIsActor { return sourceIsActor ? nil : tagging(source, with: target) }
            if sourceIsCampaign { return Carrier(holder: target, action: .reference("responsible-for", to: source)) }
            return sourceIsActor ? nil : Carrier(holder: source, action: .reference("attributed-to", to: target))
        case "targets":
            if targetIsActor || sourceIsActor { return nil }
            if sourceIsCampaign { return Carrier(holder: target, action: .reference("targeted-by", to: source)) }
            return Carrier(holder: source, action: .reference("targets", to: target))
        case "has-member":
            if targetIsActor { return tagging(source, with: target) }
            if targetIsCampaign || isIncident(target) { return nil }
            return Carrier(holder: target, action: .reference("member-of", to: source))
        case "responded-by":
            if targetIsActor || targetIsCampaign { return nil }
            return Carrier(holder: target, action: .reference("mitigates", to: source))
        case "response-supported-by":
            // misp-objects has no "supports the response to": `supports`/`supported-by` would say the supporter
            // backs the incident itself. The supporter is `involved-in` the incident; the comment says how.
            if targetIsActor || targetIsCampaign { return nil }
            return Carrier(holder: target, action: .reference("involved-in", to: source))
        case "indicates":
            // An indicator of a threat actor, malware or tool names its cluster with the cluster's tag.
            if targetIsActor { return tagging(source, with: target) }
            if let tag = softwareTag(target) { return Carrier(holder: source, action: .tag(tag)) }
            return Carrier(holder: source, action: .reference("indicates", to: target))
        case "based-on":
            return Carrier(holder: source, action: .reference("based-on", to: target))
        case "uses":
            guard let tag = softwareTag(target) else { return nil }
            if sourceIsActor { return Carrier(holder: source, action: .clusterRelation("uses", to: target)) }
            return Carrier(holder: source, action: .tag(tag))
        case "involves":
            // An observable attribute cannot hold a reference, and misp-objects has no "involves": the incident
            // holds `related-to`, and the comment says how (as the STIX 2.1 export's related-to does).
            return Carrier(holder: source, action: .reference("related-to", to: target))
        default:
            return nil
        }
    }

    /// What a reference means where its type is looser than the link (responders, supporters), when the
    /// author gave the link no description.
    private static let defaultComment: [String: String] = [
        "responded-by": "responds to the incident", "response-supported-by": "supports the response to the incident",
        "involves": "involves",
    ]

    private func tagging(_ holder: String, with actor: String) -> Carrier? {
        isThreatActor(holder) ? nil : Carrier(holder: holder, action: .tag(MISPJSON.threatActorTagName(context.name(of: actor))))
    }

    private mutating func apply(_ carrier: Carrier, comment: String) {
        switch carrier.action {
        case .reference(let relationship, let target):
            let reference = MISPObjectDraft.Reference(target: uuid(of: target), relationship: relationship, comment: comment)
            drafts[carrier.holder]?.addReference(reference)
        case .tag(let tag):
            drafts[carrier.holder]?.tagName(tag)
        case .sponsor(let name):
            clusterMeta[carrier.holder, default: [:]]["cfr-suspected-state-sponsor", default: []].append(name)
        case .clusterRelation(let type, let target):
            let relation = (type: type, target: context.uuid(of: target) ?? target)
            if !(clusterRelations[carrier.holder] ?? []).contains(where: { $0 == relation }) {
                clusterRelations[carrier.holder, default: []].append(relation)
            }
        }
    }

    /// A link no holder may carry becomes an event attribute that only the link's audience receives.
    private mutating func addLinkAttribute(
        _ outgoing: MISPContext.OutgoingLink, from source: String, tlp: TLP, audience: MISPAudience
    ) {
        let target = outgoing.link.ref
        let sourceUUID = uuid(of: source)
        let targetUUID = isThreatActor(target) ? context.uuid(of: target) ?? target : uuid(of: target)
        var tags = [MISPJSON.tlpTag(tlp)]
        if isThreatActor(target) { tags.append(MISPJSON.tag(MISPJSON.threatActorTagName(context.name(of: target)))) }
        var comment = "exportctl link: \(sourceUUID) \(outgoing.relationship) \(targetUUID)"
        if let description = outgoing.link.description { comment += " (\(description))" }
        if let evidence = Self.evidenceText(outgoing.link.evidence) { comment += " \(evidence)" }
        let uuid = StableID.uuid5(namespace: sourceUUID, name: "misp-link|\(outgoing.relationship)|\(targetUUID)")
        // A link written twice is one attribute: MISP keeps one attribute per UUID.
        guard extraAttributeUUIDs.insert(uuid).inserted else { return }
        extraAttributes.append(
            MISPJSON.attribute(
                uuid: uuid,
                relation: nil, type: "text", category: "Other",
                value: "\(context.name(of: source)) \(outgoing.relationship) \(context.name(of: target))",
                timestamp: context.timestamp, distribution: distribution(audience), tags: tags, comment: comment))
    }

    /// How the narrative refers to an object: a MISP Markdown link to it.
    private func mention(_ id: String) -> String {
        if isThreatActor(id) { return "@[tag](\(MISPJSON.threatActorTagName(context.name(of: id))))" }
        return isCampaign(id) ? "@[attribute](\(uuid(of: id)))" : "@[object](\(uuid(of: id)))"
    }

    private func isCampaign(_ id: String) -> Bool {
        if case .campaign = context.items[id] { true } else { false }
    }

    private func isIncident(_ id: String) -> Bool {
        if case .incident = context.items[id] { true } else { false }
    }
}
