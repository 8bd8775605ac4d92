/// Builds one recipient's view of a report and records a decision for everything it keeps or drops.
///
/// A class because building is one pass of bookkeeping (decisions, the released set, memoised audiences).
final class ViewBuilder {
    let report: ThreatReport
    let recipient: Recipient
    let fallback: Marking?
    private(set) var decisions: [SharingDecision] = []
    private var verdict: MarkingVerdict
    private var released: Set<String> = []
    private let index: ReportIndex

    init(report: ThreatReport, recipient: Recipient, fallback: Marking?) {
        self.report = report
        self.recipient = recipient
        self.fallback = fallback
        index = ReportIndex(report)
        verdict = MarkingVerdict(recipient: recipient, index: index, published: report.published)
    }

    private var defaultMarking: Marking? { report.defaultMarking ?? fallback }

    func build() -> ThreatReport {
        decideObjects("actor", report.actors.map { ($0.id, $0.name, $0.marking) })
        decideObjects("intrusion set", report.intrusionSets.map { ($0.id, $0.name, $0.marking) })
        decideObjects("campaign", report.campaigns.map { ($0.id, $0.name, $0.marking) })
        decideObjects("partnership", report.partnerships.map { ($0.id, $0.name, $0.marking) })
        decideObjects("incident", report.incidents.map { ($0.id, $0.title, $0.marking) })

        var view = report
        // The effective default (the report's, else --default-marking) travels with the view, so writers label
        // unmarked items exactly as the policy released them.
        view.defaultMarking = defaultMarking.map(sanitized)
        view.actors = report.actors.filter { released.contains($0.id) }.map { actor in
            var actor = actor
            actor.sponsoredBy = links(actor.sponsoredBy, from: actor.id)
            actor.marking = actor.marking.map(sanitized)
            return actor
        }
        view.intrusionSets = report.intrusionSets.filter { released.contains($0.id) }.map(activity)
        view.campaigns = report.campaigns.filter { released.contains($0.id) }.map(activity)
        view.partnerships = report.partnerships.filter { released.contains($0.id) }.map(partnership)
        view.incidents = report.incidents.filter { released.contains($0.id) }.map(incident)
        view.sources = sources(for: view)
        return view
    }

    private func decideObjects(_ kind: String, _ objects: [(id: String, name: String, marking: Marking?)]) {
        for object in objects {
            let (isReleased, rule) = verdict.decide(object.marking ?? defaultMarking)
            if isReleased { released.insert(object.id) }
            decisions.append(SharingDecision(kind: kind, id: object.id, name: object.name, isReleased: isReleased, rule: rule))
        }
    }

    /// Keeps a link when its target goes and its own marking (if any) releases it.
    private func links(_ links: [Link], from source: String) -> [Link] {
        links.compactMap { link in
            guard let marking = keep("link", "\(source) → \(link.ref)", target: link.ref, marking: link.marking) else { return nil }
            var kept = link
            kept.marking = marking
            return kept
        }
    }

    /// Decides a link or membership: it goes when its target goes and its own marking (if any) releases it.
    /// Returns `nil` to drop it, else its marking as the recipient may see it (`.some(nil)` when it has none).
    private func keep(_ kind: String, _ id: String, target: String, marking: Marking?) -> Marking?? {
        let name = index.name(of: target) ?? target
        guard released.contains(target) else {
            decisions.append(SharingDecision(kind: kind, id: id, name: name, isReleased: false, rule: "'\(target)' is withheld"))
            return nil
        }
        guard let marking else { return .some(nil) }
        let (isReleased, rule) = verdict.decide(marking)
        decisions.append(SharingDecision(kind: kind, id: id, name: name, isReleased: isReleased, rule: "own marking: \(rule)"))
        return isReleased ? .some(sanitized(marking)) : nil
    }

    private func activity(_ activity: Activity) -> Activity {
        var activity = activity
        activity.attributedTo = links(activity.attributedTo, from: activity.id)
        activity.targets = links(activity.targets, from: activity.id)
        activity.marking = activity.marking.map(sanitized)
        return activity
    }

    private func partnership(_ partnership: Partnership) -> Partnership {
        var partnership = partnership
        partnership.members = partnership.members.compactMap { membership in
            let id = "\(partnership.id) ∋ \(membership.member)"
            guard let marking = keep("membership", id, target: membership.member, marking: membership.marking) else { return nil }
            var kept = membership
            kept.marking = marking
            return kept
        }
        partnership.marking = partnership.marking.map(sanitized)
        return partnership
    }

    private func incident(_ incident: Incident) -> Incident {
        var incident = incident
        incident.attributedTo = links(incident.attributedTo, from: incident.id)
        incident.targets = links(incident.targets, from: incident.id)
        incident.responders = links(incident.responders, from: incident.id)
        incident.supporters = links(incident.supporters, from: incident.id)
        incident.marking = incident.marking.map(sanitized)
        return incident
    }

    /// Sources go with the objects that cite them; a source nobody cites follows the report's default marking.
    private func sources(for view: ThreatReport) -> [Source] {
        var cited: Set<String> = []
        var citedInReport: Set<String> = []
        for sources in view.actors.map(\.sources) + view.intrusionSets.map(\.sources) + view.campaigns.map(\.sources)
            + view.partnerships.map(\.sources) + view.incidents.map(\.sources)
        {
            cited.formUnion(sources)
        }
        for sources in report.actors.map(\.sources) + report.intrusionSets.map(\.sources) + report.campaigns.map(\.sources)
            + report.partnerships.map(\.sources) + report.incidents.map(\.sources)
        {
            citedInReport.formUnion(sources)
        }
        return report.sources.filter { source in
            let isReleased: Bool
            let rule: String
            if cited.contains(source.id) {
                (isReleased, rule) = (true, "cited by an object the recipient receives")
            } else if citedInReport.contains(source.id) {
                (isReleased, rule) = (false, "cited only by withheld objects")
            } else {
                (isReleased, rule) = verdict.decide(defaultMarking)
            }
            decisions.append(SharingDecision(kind: "source", id: source.id, name: source.name, isReleased: isReleased, rule: rule))
            return isReleased
        }
    }

    /// A marking that names only what the recipient receives: a withheld party becomes its countries' codes.
    private func sanitized(_ marking: Marking) -> Marking {
        var entries: [Releasee] = []
        for entry in marking.releasableTo {
            switch entry {
            case .party(let id) where !released.contains(id):
                for code in verdict.audience(of: id).countryCodes(index: index) where !entries.contains(.country(code)) {
                    entries.append(.country(code))
                }
            default:
                if !entries.contains(entry) { entries.append(entry) }
            }
        }
        return Marking(tlp: marking.tlp, releasableTo: entries)
    }
}
