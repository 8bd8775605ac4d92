import ExportCore

/// One event to write: which report objects it holds and what it says about itself.
struct MISPEventSpec {
    var uuid: String
    var info: String
    var date: PartialDate
    var analysis: Int
    var marking: Marking
    /// Local ids of the report objects in the event, in report order.
    var members: [String]
    /// Incidents whose narrative goes into an EventReport.
    var incidents: [String]

    /// The events a report becomes, in order; every event holds the objects its incidents reach.
    static func plan(_ context: MISPContext, mode: MISPEventMode) -> [MISPEventSpec] {
        let report = context.report
        let reportMarking = context.reportMarking
        let everything = report.actors.map(\.id) + report.intrusionSets.map(\.id) + report.campaigns.map(\.id)
            + report.partnerships.map(\.id) + report.incidents.map(\.id)
            + report.observables.map(\.id).filter { context.items[$0] != nil } + report.indicators.map(\.id)
            + report.malware.map(\.id) + report.tools.map(\.id)
        let firstDay = report.incidents.compactMap { $0.when?.start }.min() ?? report.published
        guard mode == .perIncident else {
            return [
                MISPEventSpec(
                    // The report's own UUID, as STIX 2.1 and STIX 1.2 name it (misp-stix maps event and report so).
                    uuid: context.identities.derived("report", StableID.reportLocalID).uuid,
                    info: singleLine(report.title), date: firstDay, analysis: 2, marking: reportMarking,
                    members: everything, incidents: report.incidents.map(\.id))
            ]
        }
        var events: [MISPEventSpec] = []
        var reached: Set<String> = []
        for incident in report.incidents {
            let members = closure(of: [incident.id], in: context)
            reached.formUnion(members)
            events.append(
                MISPEventSpec(
                    uuid: context.uuid(of: incident.id) ?? incident.id, info: singleLine(incident.title),
                    date: incident.when?.start ?? report.published, analysis: analysis(incident.status),
                    marking: context.marking(of: incident.id), members: order(members, as: everything),
                    incidents: [incident.id]))
        }
        let rest = everything.filter { !reached.contains($0) }
        if !rest.isEmpty || events.isEmpty {
            events.append(
                MISPEventSpec(
                    uuid: context.identities.derived("misp-event", "context").uuid,
                    info: singleLine(report.title + ": context"), date: report.published, analysis: 2,
                    marking: reportMarking, members: order(closure(of: rest, in: context), as: everything),
                    incidents: []))
        }
        return events
    }

    /// The objects reachable from `start` by following links forward, and the indicators based on an
    /// observable among them: a detection goes where what it detects was seen.
    static func closure(of start: [String], in context: MISPContext) -> Set<String> {
        var seen: Set<String> = []
        var queue = start
        while let id = queue.popLast() {
            guard context.items[id] != nil, seen.insert(id).inserted else { continue }
            queue.append(contentsOf: context.links(from: id).map(\.link.ref))
            queue.append(contentsOf: context.indicatorsBasedOn[id] ?? [])
        }
        return seen
    }

    private static func order(_ members: Set<String>, as everything: [String]) -> [String] {
        everything.filter(members.contains)
    }

    private static func singleLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// MISP's analysis level for an incident's status: 0 initial, 1 ongoing, 2 complete.
    static func analysis(_ status: IncidentStatus) -> Int {
        switch status {
        case .new: 0
        case .closed, .rejected, .restorationAchieved: 2
        default: 1
        }
    }
}
