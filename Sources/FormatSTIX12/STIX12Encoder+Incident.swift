import ExportCore
import ExportSharing
import ExportXML

/// Incidents: time, category, responders, coordinators, victims, status, attributed threat actors, related
/// incidents, confidence and handling, in `incident:IncidentType`'s order.
extension STIX12Encoder {
    func incident(_ incident: Incident) throws {
        try xml.startElement("stix:Incident")
        try xml.attribute("xsi:type", "incident:IncidentType")
        try identify(qname("incident", incident.id))
        try xml.attribute("version", "1.2")
        try xml.element("incident:Title", text: incident.title)
        if let when = incident.when {
            try xml.startElement("incident:Time")
            try xml.startElement("incident:First_Malicious_Action")
            try xml.attribute("precision", when.from.precision.rawValue)
            try xml.text("\(when.from.start)T00:00:00Z")
            try xml.endElement()
            try xml.endElement()
            losses.add(.incidentEnd, if: when.to != nil)
        }
        try xml.element("incident:Description", text: incident.description)
        try xml.startElement("incident:Categories")
        try xml.element("incident:Category", text: incident.kind.rawValue)
        try xml.endElement()
        // Named in place, not by idref: python-stix and other STIX 1 importers do not resolve an identity's idref.
        for (position, link) in incident.responders.enumerated() {
            try informationSource("incident:Responder", link.ref)
            labelLink(link.label, at: "incident:Responder[\(position + 1)]")
        }
        for (position, link) in incident.supporters.enumerated() {
            try informationSource("incident:Coordinator", link.ref)
            labelLink(link.label, at: "incident:Coordinator[\(position + 1)]")
        }
        for (position, link) in incident.targets.enumerated() {
            try namedIdentity("incident:Victim", link.ref)
            labelLink(link.label, at: "incident:Victim[\(position + 1)]")
        }
        if let status = STIX12Vocabularies.incidentStatus(incident.status) {
            try vocabulary("incident:Status", STIX12Vocabularies.incidentStatus, status)
        } else {
            losses.add(.incidentStatus)
        }
        try relatedObservables(
            "incident:Related_Observables", "incident:Related_Observable", detection.observables(involvedIn: incident.id))
        try relatedList(
            "incident:Attributed_Threat_Actors", "incident:Threat_Actor", "Attributed To", "stixCommon:Threat_Actor",
            attributedThreatActors(incident.attributedTo))
        try relatedList(
            "incident:Related_Incidents", "incident:Related_Incident", "Same Attributed Actor", "stixCommon:Incident",
            relatedIncidents(of: incident).map { (qname("incident", $0.id), nil) })
        try confidence("incident:Confidence", incident.confidence)
        try handling("incident:Handling", incident.marking)
        try xml.endElement()
        countLinkDetail(incident.attributedTo + incident.targets + incident.responders + incident.supporters)
        losses.add(.incidentLocation, if: incident.location != nil)
        losses.add(.incidentOutcome, if: incident.outcome != nil)
        losses.add(.incidentImpact, incident.impacts.count)
        losses.add(.incidentDetermination)
        losses.add(.sourceCitation, incident.sources.count)
    }

    /// `<name><stixCommon:Identity …/></name>`: a responder or coordinator.
    private func informationSource(_ name: String, _ id: String) throws {
        try xml.startElement(name)
        try namedIdentity("stixCommon:Identity", id)
        try xml.endElement()
    }

    /// The other incidents in the view attributed to at least one of the same threat actors.
    private func relatedIncidents(of incident: Incident) -> [Incident] {
        let actors = Set(incident.attributedTo.map(\.ref).filter(isThreatActor))
        guard !actors.isEmpty else { return [] }
        return attributions.incidents(attributedToAnyOf: actors, except: incident)
    }
}
