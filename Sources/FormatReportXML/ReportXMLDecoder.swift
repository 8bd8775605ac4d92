import ExportCore
import ExportSharing
import ExportXML

/// Builds model values from a schema-valid report XML tree, reporting what the schema cannot check
/// (an unknown country code, 30 February) at the element's line.
struct ReportXMLDecoder {
    let file: String
    var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    mutating func report(_ root: XMLElement) -> ThreatReport {
        let producer = root.child("producer")
        var report = ThreatReport(
            formatVersion: root.attribute("formatVersion") ?? ThreatReport.currentFormatVersion,
            title: root.childText("title") ?? "", description: root.childText("description"),
            published: date(root.attribute("published"), at: root) ?? Self.fallbackDate,
            producer: Producer(id: producer?.attribute("id") ?? "", name: producer?.childText("name") ?? ""))
        report.defaultMarking = marking(root.child("defaultMarking"))
        report.marking = marking(root.child("marking"))
        report.sources = items(root, "sources", "source").map {
            Source(
                id: $0.attribute("id") ?? "", name: $0.childText("name") ?? "", url: $0.childText("url"),
                sha256: $0.childText("sha256"), description: $0.childText("description"))
        }
        report.actors = items(root, "actors", "actor").map { actor($0) }
        report.intrusionSets = items(root, "intrusionSets", "intrusionSet").map { activity($0) }
        report.campaigns = items(root, "campaigns", "campaign").map { activity($0) }
        report.partnerships = items(root, "partnerships", "partnership").map { partnership($0) }
        report.incidents = items(root, "incidents", "incident").map { incident($0) }
        report.indicators = items(root, "indicators", "indicator").map { indicator($0) }
        report.observables = items(root, "observables", "observable").map { observable($0) }
        report.malware = items(root, "malware", "malware").map { malware($0) }
        report.tools = items(root, "tools", "tool").map { tool($0) }
        return report
    }

    private mutating func actor(_ element: XMLElement) -> Actor {
        var actor = Actor(
            id: element.attribute("id") ?? "", name: element.childText("name") ?? "",
            kind: ActorKind(rawValue: element.attribute("kind") ?? "") ?? .organization,
            aliases: texts(element, "alias"), country: country(element.attribute("country"), at: element),
            sectors: texts(element, "sector").map(IndustrySector.init), roles: texts(element, "role"),
            description: element.childText("description"), threat: element.child("threatProfile").map { threat($0) },
            sponsoredBy: links(element, "sponsoredBy"), confidence: element.attribute("confidence").flatMap { Int($0) },
            sources: sourceRefs(element), marking: marking(element.child("marking")),
            mispOrganisationUUID: element.attribute("mispOrganisationUUID"))
        actor.evidence = texts(element, "evidence")
        return actor
    }

    private mutating func threat(_ element: XMLElement) -> ThreatProfile {
        ThreatProfile(
            types: texts(element, "type").map(ThreatActorType.init),
            sophistication: element.attribute("sophistication").map(Sophistication.init),
            resourceLevel: element.attribute("resourceLevel").map(ResourceLevel.init),
            primaryMotivation: element.attribute("primaryMotivation").map(Motivation.init),
            secondaryMotivations: texts(element, "secondaryMotivation").map(Motivation.init),
            goals: texts(element, "goal"), firstSeen: date(element.attribute("firstSeen"), at: element),
            lastSeen: date(element.attribute("lastSeen"), at: element))
    }

    private mutating func activity(_ element: XMLElement) -> Activity {
        var activity = Activity(
            id: element.attribute("id") ?? "", name: element.childText("name") ?? "", aliases: texts(element, "alias"),
            description: element.childText("description"), firstSeen: date(element.attribute("firstSeen"), at: element),
            lastSeen: date(element.attribute("lastSeen"), at: element), objective: element.childText("objective"),
            attributedTo: links(element, "attributedTo"), targets: links(element, "target"),
            confidence: element.attribute("confidence").flatMap { Int($0) }, sources: sourceRefs(element),
            marking: marking(element.child("marking")))
        activity.evidence = texts(element, "evidence")
        return activity
    }

    private mutating func partnership(_ element: XMLElement) -> Partnership {
        var members: [Membership] = []
        for member in element.children(named: "member") {
            var membership = Membership(
                member.attribute("ref") ?? "", role: member.attribute("role").map(MembershipRole.init),
                since: date(member.attribute("since"), at: member), until: date(member.attribute("until"), at: member),
                marking: marking(member.child("marking")))
            membership.evidence = texts(member, "evidence")
            members.append(membership)
        }
        var partnership = Partnership(
            id: element.attribute("id") ?? "", name: element.childText("name") ?? "",
            kind: PartnershipKind(element.attribute("kind") ?? ""), aliases: texts(element, "alias"), members: members,
            scope: texts(element, "scope").map(PartnershipScope.init),
            established: date(element.attribute("established"), at: element),
            description: element.childText("description"),
            confidence: element.attribute("confidence").flatMap { Int($0) }, sources: sourceRefs(element),
            marking: marking(element.child("marking")))
        partnership.evidence = texts(element, "evidence")
        return partnership
    }

    private mutating func incident(_ element: XMLElement) -> Incident {
        var incident = Incident(
            id: element.attribute("id") ?? "", title: element.childText("title") ?? "",
            kind: IncidentKind(element.attribute("kind") ?? ""), description: element.childText("description"),
            when: span(element.attribute("when"), at: element), attributedTo: links(element, "attributedTo"),
            targets: links(element, "target"), responders: links(element, "responder"),
            supporters: links(element, "supporter"), outcome: element.childText("outcome"),
            impacts: texts(element, "impact"), status: IncidentStatus(element.attribute("status") ?? "open"),
            determination: IncidentDetermination(element.attribute("determination") ?? "suspected"),
            confidence: element.attribute("confidence").flatMap { Int($0) }, sources: sourceRefs(element),
            marking: marking(element.child("marking")))
        incident.evidence = texts(element, "evidence")
        if let place = element.child("location") {
            incident.location = Location(
                name: place.childText("name"), country: country(place.attribute("country"), at: place),
                region: place.attribute("region").map(Region.init),
                latitude: place.attribute("latitude").flatMap { Double($0) },
                longitude: place.attribute("longitude").flatMap { Double($0) })
        }
        return incident
    }
}
