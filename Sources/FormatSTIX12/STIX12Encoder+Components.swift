import ExportCore
import ExportXML

/// Threat actors, campaigns (intrusion sets too) and incidents, each in its schema's element order.
extension STIX12Encoder {
    func threatActor(_ actor: Actor) throws {
        try xml.startElement("stix:Threat_Actor")
        try xml.attribute("xsi:type", "ta:ThreatActorType")
        try identify(qname("threat-actor", actor.id))
        try xml.attribute("version", "1.2")
        try xml.element("ta:Title", text: actor.name)
        try xml.element("ta:Description", text: actor.description)
        let identitySponsors = actor.sponsoredBy.filter { !isThreatActor($0.ref) }
        try xml.startElement("ta:Identity")
        try xml.element("stixCommon:Name", text: actor.name)
        try sponsors(identitySponsors)
        try xml.endElement()
        for (position, link) in identitySponsors.enumerated() {
            labelLink(link.label, at: "ta:Identity/stixCommon:Related_Identities/stixCommon:Related_Identity[\(position + 1)]")
        }
        let threat = actor.threat ?? ThreatProfile()
        for type in threat.types {
            guard let value = STIX12Vocabularies.threatActorType(type) else { losses.add(.threatActorType); continue }
            try statement("ta:Type", STIX12Vocabularies.threatActorType, value)
        }
        var written: Set<String> = []
        for motivation in [threat.primaryMotivation].compactMap({ $0 }) + threat.secondaryMotivations {
            guard let value = STIX12Vocabularies.motivation(motivation) else { losses.add(.motivation); continue }
            // Two of ours may map to one STIX 1.2 value (notoriety, personal satisfaction → Ego): write it once.
            guard written.insert(value).inserted else { continue }
            try statement("ta:Motivation", STIX12Vocabularies.motivation, value)
        }
        if let level = threat.sophistication {
            if let value = STIX12Vocabularies.sophistication(level) {
                try statement("ta:Sophistication", STIX12Vocabularies.sophistication, value)
            } else {
                losses.add(.sophistication)
            }
        }
        for goal in threat.goals {
            try xml.startElement("ta:Intended_Effect")
            try xml.attribute("timestamp", timestamp)
            try xml.element("stixCommon:Description", text: goal)
            try xml.endElement()
        }
        try usedTTPs("ta:Observed_TTPs", "ta:Observed_TTP", by: actor.id)
        let campaigns = attributions.activities(attributedTo: actor.id)
        try relatedList(
            "ta:Associated_Campaigns", "ta:Associated_Campaign", "Attributed To", "stixCommon:Campaign",
            campaigns.map { activity, type in
                (qname(type, activity.id), activity.attributedTo.first { $0.ref == actor.id }?.label)
            })
        try relatedList(
            "ta:Associated_Actors", "ta:Associated_Actor", Self.sponsoredBy, "stixCommon:Threat_Actor",
            actor.sponsoredBy.filter { isThreatActor($0.ref) }.map { (qname("threat-actor", $0.ref), $0.label) })
        try handling("ta:Handling", actor.marking)
        try confidence("ta:Confidence", actor.confidence)
        try xml.endElement()
        countActorDetail(actor)
        losses.add(.resourceLevel, if: threat.resourceLevel != nil)
        losses.add(.seenDates, (threat.firstSeen != nil ? 1 : 0) + (threat.lastSeen != nil ? 1 : 0))
    }

    /// A campaign or an intrusion set (STIX 1.2 has no intrusion set: it becomes a campaign keeping its own id type).
    func campaign(_ activity: Activity, type: String) throws {
        try xml.startElement("stix:Campaign")
        try xml.attribute("xsi:type", "campaign:CampaignType")
        try identify(qname(type, activity.id))
        try xml.attribute("version", "1.2")
        try xml.element("campaign:Title", text: activity.name)
        try xml.element("campaign:Description", text: activity.description)
        if !activity.aliases.isEmpty {
            try xml.startElement("campaign:Names")
            try xml.elements("campaign:Name", activity.aliases)
            try xml.endElement()
        }
        if let objective = activity.objective {
            try xml.startElement("campaign:Intended_Effect")
            try xml.attribute("timestamp", timestamp)
            try xml.element("stixCommon:Description", text: objective)
            try xml.endElement()
        }
        try usedTTPs("campaign:Related_TTPs", "campaign:Related_TTP", by: activity.id)
        try relatedList(
            "campaign:Attribution", "campaign:Attributed_Threat_Actor", "Attributed To", "stixCommon:Threat_Actor",
            attributedThreatActors(activity.attributedTo))
        try confidence("campaign:Confidence", activity.confidence)
        try handling("campaign:Handling", activity.marking)
        try xml.endElement()
        countLinkDetail(activity.attributedTo + activity.targets)
        losses.add(.activityTarget, activity.targets.count)
        losses.add(.seenDates, (activity.firstSeen != nil ? 1 : 0) + (activity.lastSeen != nil ? 1 : 0))
        losses.add(.sourceCitation, activity.sources.count)
    }

    /// A list of `Related*` elements pointing at `ids`, or nothing when there are none; each link's label goes
    /// to the component's `Handling`.
    func relatedList(
        _ wrapper: String, _ name: String, _ relationship: String, _ item: String, _ ids: [(id: String, label: Marking?)]
    ) throws {
        guard !ids.isEmpty else { return }
        try xml.startElement(wrapper)
        for (position, entry) in ids.enumerated() {
            try related(name, relationship, item, entry.id)
            labelLink(entry.label, at: "\(wrapper)/\(name)[\(position + 1)]")
        }
        try xml.endElement()
    }

    /// The threat actors among attribution links, as ids with the links' labels; the others are counted as not
    /// carried.
    func attributedThreatActors(_ links: [Link]) -> [(id: String, label: Marking?)] {
        let actors = links.filter { isThreatActor($0.ref) }
        losses.add(.activityAttribution, links.count - actors.count)
        return actors.map { (qname("threat-actor", $0.ref), $0.label) }
    }

    /// What STIX 1.2 drops of any actor, threat actor or not.
    func countActorDetail(_ actor: Actor) {
        losses.add(.actorAlias, actor.aliases.count)
        losses.add(.actorCountry, if: actor.country != nil)
        losses.add(.actorSector, actor.sectors.count)
        losses.add(.actorRole, actor.roles.count)
        losses.add(.sourceCitation, actor.sources.count)
    }

    /// A `Related*` element: relationship text, then the idref'd item.
    func related(_ name: String, _ relationship: String, _ item: String, _ id: String) throws {
        try xml.startElement(name)
        try xml.element("stixCommon:Relationship", text: relationship)
        try reference(item, id)
        try xml.endElement()
    }
}
