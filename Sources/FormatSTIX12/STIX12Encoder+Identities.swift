import ExportCore
import ExportXML

/// The header's `Information_Source`: the producer, its sources, and every non-threat actor and partnership.
///
/// STIX 1.2 has no top-level identity component, so the producer's identity carries them as related
/// identities: each state, agency, organisation and person once (relationship `Named Party`), then each
/// partnership (relationship `Partnership`) whose own related identities are its members (`Has Member`, by idref).
extension STIX12Encoder {
    static let namedParty = "Named Party"
    static let partnership = "Partnership"
    static let hasMember = "Has Member"
    static let sponsoredBy = "Sponsored By"

    func informationSource() throws {
        try xml.startElement("stix:Information_Source")
        try xml.startElement("stixCommon:Identity")
        try xml.attribute("id", qname("identity", StableID.producerLocalID))
        try xml.element("stixCommon:Name", text: report.producer.name)
        let parties = report.actors.filter { $0.kind != .threatActor }
        if !parties.isEmpty || !report.partnerships.isEmpty {
            try xml.startElement("stixCommon:Related_Identities")
            for actor in parties { try relatedIdentity(Self.namedParty) { try self.party(actor) } }
            for partnership in report.partnerships {
                try relatedIdentity(Self.partnership) { try self.partnership(partnership) }
            }
            try xml.endElement()
        }
        try xml.endElement()
        try vocabulary("stixCommon:Role", STIX12Vocabularies.sourceRole, "Initial Author")
        try contributingSources()
        try xml.endElement()
    }

    /// A reference to any report object as an identity: an idref for identities, the name for anything else.
    func identityReference(_ name: String, _ id: String) throws {
        if isIdentity(id), let target = qname(of: id) {
            try reference(name, target, isTimestamped: false)
        } else {
            try namedIdentity(name, id)
        }
    }

    /// An identity named in place (`stixCommon:Name`), for elements whose readers do not resolve an idref.
    func namedIdentity(_ name: String, _ id: String) throws {
        try xml.startElement(name)
        try xml.element("stixCommon:Name", text: index.name(of: id) ?? id)
        try xml.endElement()
    }

    /// `Related_Identities` for sponsors, or nothing.
    func sponsors(_ links: [Link]) throws {
        guard !links.isEmpty else { return }
        countLinkDetail(links)
        try xml.startElement("stixCommon:Related_Identities")
        for link in links {
            try relatedIdentity(Self.sponsoredBy) { try self.identityReference("stixCommon:Identity", link.ref) }
        }
        try xml.endElement()
    }

    private func relatedIdentity(_ relationship: String, _ identity: () throws -> Void) throws {
        try xml.startElement("stixCommon:Related_Identity")
        try xml.element("stixCommon:Relationship", text: relationship)
        try identity()
        try xml.endElement()
    }

    private func party(_ actor: Actor) throws {
        try xml.startElement("stixCommon:Identity")
        try xml.attribute("id", qname("identity", actor.id))
        try xml.element("stixCommon:Name", text: actor.name)
        try sponsors(actor.sponsoredBy)
        try xml.endElement()
        countActorDetail(actor)
        losses.add(.actorDescription, if: actor.description != nil)
        losses.add(.actorConfidence, if: actor.confidence != nil)
    }

    private func partnership(_ partnership: Partnership) throws {
        try xml.startElement("stixCommon:Identity")
        try xml.attribute("id", qname("identity", partnership.id))
        try xml.element("stixCommon:Name", text: partnership.name)
        if !partnership.members.isEmpty {
            try xml.startElement("stixCommon:Related_Identities")
            for membership in partnership.members {
                try relatedIdentity(Self.hasMember) { try self.identityReference("stixCommon:Identity", membership.member) }
                let hasDetail = membership.role != nil || membership.since != nil || membership.until != nil
                losses.add(.membershipDetail, if: hasDetail)
            }
            try xml.endElement()
        }
        try xml.endElement()
        losses.add(.partnershipKind)
        losses.add(.partnershipScope, partnership.scope.count)
        losses.add(.partnershipEstablished, if: partnership.established != nil)
        losses.add(.partnershipDescription, if: partnership.description != nil)
        losses.add(.partnershipAlias, partnership.aliases.count)
        losses.add(.partnershipConfidence, if: partnership.confidence != nil)
        losses.add(.sourceCitation, partnership.sources.count)
    }

    /// The report's sources: name, description and URL each (the SHA-256 has no place).
    private func contributingSources() throws {
        guard !report.sources.isEmpty else { return }
        try xml.startElement("stixCommon:Contributing_Sources")
        for source in report.sources {
            try xml.startElement("stixCommon:Source")
            try xml.element("stixCommon:Description", text: source.description)
            try xml.startElement("stixCommon:Identity")
            try xml.element("stixCommon:Name", text: source.name)
            try xml.endElement()
            if let url = source.url {
                try xml.startElement("stixCommon:References")
                try xml.element("stixCommon:Reference", text: url)
                try xml.endElement()
            }
            try xml.endElement()
            losses.add(.sourceHash, if: source.sha256 != nil)
        }
        try xml.endElement()
    }
}
