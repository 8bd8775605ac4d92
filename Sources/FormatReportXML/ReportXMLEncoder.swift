import ExportCore
import ExportSharing
import ExportXML

/// Turns model values into report XML elements, in the schema's fixed order.
struct ReportXMLEncoder {
    let xml: XMLStreamWriter

    /// Opens `<report>` and writes everything before the object lists.
    func header(_ report: ThreatReport) throws {
        try xml.startElement("report", namespace: ReportXMLSchema.namespace)
        try xml.attribute("formatVersion", report.formatVersion)
        try xml.attribute("published", report.published.description)
        try xml.element("title", text: report.title)
        try xml.element("description", text: report.description)
        try xml.startElement("producer")
        try xml.attribute("id", report.producer.id)
        try xml.element("name", text: report.producer.name)
        try xml.endElement()
        try marking("defaultMarking", report.defaultMarking)
        try marking("marking", report.marking)
    }

    func source(_ source: Source) throws {
        try xml.startElement("source")
        try xml.attribute("id", source.id)
        try xml.element("name", text: source.name)
        try xml.element("url", text: source.url)
        try xml.element("sha256", text: source.sha256)
        try xml.element("description", text: source.description)
        try xml.endElement()
    }

    func actor(_ actor: Actor) throws {
        try xml.startElement("actor")
        try xml.attribute("id", actor.id)
        try xml.attribute("kind", actor.kind.rawValue)
        try xml.attribute("country", actor.country?.alpha3)
        try xml.attribute("confidence", actor.confidence.map(String.init))
        try xml.attribute("mispOrganisationUUID", actor.mispOrganisationUUID)
        try xml.element("name", text: actor.name)
        try xml.elements("alias", actor.aliases)
        try xml.elements("sector", actor.sectors.map(\.rawValue))
        try xml.elements("role", actor.roles)
        try xml.element("description", text: actor.description)
        if let threat = actor.threat { try threatProfile(threat) }
        try links("sponsoredBy", actor.sponsoredBy)
        try provenance(actor.evidence, actor.sources, actor.marking)
        try xml.endElement()
    }

    func activity(_ name: String, _ activity: Activity) throws {
        try xml.startElement(name)
        try xml.attribute("id", activity.id)
        try xml.attribute("firstSeen", activity.firstSeen?.description)
        try xml.attribute("lastSeen", activity.lastSeen?.description)
        try xml.attribute("confidence", activity.confidence.map(String.init))
        try xml.element("name", text: activity.name)
        try xml.elements("alias", activity.aliases)
        try xml.element("description", text: activity.description)
        try xml.element("objective", text: activity.objective)
        try links("attributedTo", activity.attributedTo)
        try links("target", activity.targets)
        try provenance(activity.evidence, activity.sources, activity.marking)
        try xml.endElement()
    }

    func partnership(_ partnership: Partnership) throws {
        try xml.startElement("partnership")
        try xml.attribute("id", partnership.id)
        try xml.attribute("kind", partnership.kind.rawValue)
        try xml.attribute("established", partnership.established?.description)
        try xml.attribute("confidence", partnership.confidence.map(String.init))
        try xml.element("name", text: partnership.name)
        try xml.elements("alias", partnership.aliases)
        for member in partnership.members {
            try xml.startElement("member")
            try xml.attribute("ref", member.member)
            try xml.attribute("role", member.role?.rawValue)
            try xml.attribute("since", member.since?.description)
            try xml.attribute("until", member.until?.description)
            try xml.elements("evidence", member.evidence)
            try marking("marking", member.marking)
            try xml.endElement()
        }
        try xml.elements("scope", partnership.scope.map(\.rawValue))
        try xml.element("description", text: partnership.description)
        try provenance(partnership.evidence, partnership.sources, partnership.marking)
        try xml.endElement()
    }

    func incident(_ incident: Incident) throws {
        try xml.startElement("incident")
        try xml.attribute("id", incident.id)
        try xml.attribute("kind", incident.kind.rawValue)
        try xml.attribute("when", incident.when?.description)
        try xml.attribute("status", incident.status.rawValue)
        try xml.attribute("determination", incident.determination.rawValue)
        try xml.attribute("confidence", incident.confidence.map(String.init))
        try xml.element("title", text: incident.title)
        try xml.element("description", text: incident.description)
        if let location = incident.location {
            try xml.startElement("location")
            try xml.attribute("country", location.country?.alpha3)
            try xml.attribute("region", location.region?.rawValue)
            try xml.attribute("latitude", location.latitude.map { "\($0)" })
            try xml.attribute("longitude", location.longitude.map { "\($0)" })
            try xml.element("name", text: location.name)
            try xml.endElement()
        }
        try links("attributedTo", incident.attributedTo)
        try links("target", incident.targets)
        try links("responder", incident.responders)
        try links("supporter", incident.supporters)
        try xml.element("outcome", text: incident.outcome)
        try xml.elements("impact", incident.impacts)
        try provenance(incident.evidence, incident.sources, incident.marking)
        try xml.endElement()
    }

    private func threatProfile(_ threat: ThreatProfile) throws {
        try xml.startElement("threatProfile")
        try xml.attribute("sophistication", threat.sophistication?.rawValue)
        try xml.attribute("resourceLevel", threat.resourceLevel?.rawValue)
        try xml.attribute("primaryMotivation", threat.primaryMotivation?.rawValue)
        try xml.attribute("firstSeen", threat.firstSeen?.description)
        try xml.attribute("lastSeen", threat.lastSeen?.description)
        try xml.elements("type", threat.types.map(\.rawValue))
        try xml.elements("secondaryMotivation", threat.secondaryMotivations.map(\.rawValue))
        try xml.elements("goal", threat.goals)
        try xml.endElement()
    }

    func links(_ name: String, _ links: [Link]) throws {
        for link in links {
            try xml.startElement(name)
            try xml.attribute("ref", link.ref)
            try xml.element("description", text: link.description)
            try xml.elements("evidence", link.evidence)
            try marking("marking", link.marking)
            try xml.endElement()
        }
    }

    /// The schema's `Provenance` group: the quotes that support the object, the sources it cites, its marking.
    func provenance(_ evidence: [String], _ sources: [String], _ own: Marking?) throws {
        try xml.elements("evidence", evidence)
        for source in sources {
            try xml.startElement("sourceRef")
            try xml.attribute("ref", source)
            try xml.endElement()
        }
        try marking("marking", own)
    }

    func marking(_ name: String, _ marking: Marking?) throws {
        guard let marking else { return }
        try xml.startElement(name)
        try xml.attribute("tlp", marking.tlp.rawValue)
        for releasee in marking.releasableTo {
            switch releasee {
            case .country(let code): try xml.element("country", text: code.alpha3)
            case .party(let id): try xml.element("party", text: id)
            }
        }
        try xml.endElement()
    }
}
