import ExportCore
import ExportSharing

/// Incidents: the core `incident`, the OASIS Incident Core Extension, and ours for what it lacks.
extension STIXBundleBuilder {
    /// exportctl's link type: a responder responds to an incident (`related-to` on the wire).
    static let respondsTo = STIXRelationshipTyping.respondsTo
    /// exportctl's link type: a partner supports the response to an incident (`related-to` on the wire).
    static let supportsResponseTo = STIXRelationshipTyping.supportsResponseTo

    /// The incident, its location and its relationships.
    mutating func objects(for incident: Incident) -> [JSONObjectBuilder] {
        if let imported = incident.imported {
            return [verbatim(imported)].compactMap { $0 } + links(of: incident)
        }
        guard let id = identities.identity(of: incident.id)?.stixID, claim(id) else { return [] }
        var object = common(
            type: "incident", id: id, marking: incident.marking ?? report.defaultMarking,
            confidence: incident.confidence, sources: incident.sources)
        object["name"] = .string(incident.title)
        object["description"] = incident.description.map(JSONValue.string)
        var ext = objectExtension(localID: incident.id, inherits: incident.marking == nil)
        if profile == .opencti, let when = incident.when {
            // pycti reads only these top-level dates of an incident; STIX 2.1 has no such property.
            Self.setDate(when.from, as: "first_seen", in: &object, ext: &ext)
            Self.setDate(when.to ?? when.from, as: "last_seen", end: true, in: &object, ext: &ext)
        }
        var core = JSONObjectBuilder()
        let determination = Self.coreDetermination(incident.determination)
        core["determination"] = .string(determination)
        let status = Self.coreStatus(incident.status)
        core["investigation_status"] = .string(status)
        core["incident_types"] = .array([.string(incident.kind.rawValue)])
        var ours = JSONObjectBuilder()
        ours["kind"] = .string(incident.kind.rawValue)
        ours.text("when", incident.when)
        ours["outcome"] = incident.outcome.map(JSONValue.string)
        ours.strings("impacts", incident.impacts)
        if status != incident.status.rawValue { ours["status"] = .string(incident.status.rawValue) }
        if determination != incident.determination.rawValue {
            ours["determination"] = .string(incident.determination.rawValue)
        }
        var place: Location?
        if let location = incident.location {
            if location.isPlace { place = location } else { ours["location"] = location.authoringJSON }
        }
        attach(
            [
                (STIXExtensionDefinition.object.id, ext), (STIXExtensionDefinition.incidentCoreID, core),
                (STIXExtensionDefinition.incident.id, ours),
            ], to: &object)
        list(id)
        noteEvidence(incident.evidence, about: id, localID: incident.id, marking: incident.marking ?? report.defaultMarking)
        var out = [object]
        if let place { out += located(incident, at: place) }
        return out + links(of: incident)
    }

    /// The incident's links, dated by when it happened (the time they describe).
    private mutating func links(of incident: Incident) -> [JSONObjectBuilder] {
        let during = incident.when.flatMap { Period($0.from, $0.to ?? $0.from) }
        return relationships("attributed-to", from: incident.id, to: incident.attributedTo, during: during)
            + relationships("targets", from: incident.id, to: incident.targets, during: during)
            + relationships(Self.respondsTo, from: incident.id, to: incident.responders, reversed: true, during: during)
            + relationships(
                Self.supportsResponseTo, from: incident.id, to: incident.supporters, reversed: true, during: during)
    }

    /// The core extension's determination: it has no `confirmed` (the nearest is `successful-attempt`), and
    /// values outside its enumeration become `suspected`; ours keeps the exact value.
    static func coreDetermination(_ value: IncidentDetermination) -> String {
        switch value {
        case .confirmed: "successful-attempt"
        case .blocked, .failedAttempt, .falsePositive, .suspected: value.rawValue
        default: "suspected"
        }
    }

    /// The core extension's investigation status (`new`, `open`, `closed`).
    static func coreStatus(_ value: IncidentStatus) -> String {
        switch value {
        case .new: "new"
        case .closed, .rejected: "closed"
        default: "open"
        }
    }

    private mutating func located(_ incident: Incident, at place: Location) -> [JSONObjectBuilder] {
        let localID = "location:" + incident.id
        let locationID = id("location", localID)
        guard claim(locationID) else { return [] }
        placeIDs[localID] = locationID
        var object = common(type: "location", id: locationID, marking: incident.marking ?? report.defaultMarking)
        var ext = JSONObjectBuilder()
        ext["derived"] = .bool(true)
        consumerTypes[localID] = Self.writePlace(place, to: &object, ext: &ext)
        attach([(STIXExtensionDefinition.object.id, ext)], to: &object)
        list(locationID)
        var out = [object]
        var located = Link(localID)
        located.label = incident.marking ?? report.defaultMarking  // the incident's, as its location has
        if let link = relationship("located-at", from: incident.id, to: located, configure: { _, ext in
            ext["derived"] = .bool(true)
        }) {
            out.append(link)
        }
        return out
    }
}
