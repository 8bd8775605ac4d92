import ExportCore

/// Builds one recipient's view of a report and records a decision for everything it keeps or drops.
///
/// A class because building is one pass of bookkeeping (decisions, the released set, memoised audiences).
/// Every item that can leave is decided here: modelled objects, links, memberships, sources, the report's
/// narrative, and imported content kept as it came (``ViewBuilder/decideImported()``).
final class ViewBuilder {
    let report: ThreatReport
    let recipient: Recipient
    let fallback: Marking?
    private(set) var decisions: [SharingDecision] = []
    var verdict: MarkingVerdict
    /// Local ids of the model objects the recipient receives.
    var released: Set<String> = []
    let index: ReportIndex
    /// Where each object's decision sits in ``decisions``, so that a later rule (references) can overturn it.
    private var decisionIndex: [String: Int] = [:]
    /// What the imported-content pass decided: STIX ids released, properties to strip, objects kept.
    var imported = ImportedDecisions()
    /// The countries a withheld party stands for in this recipient's labels, by party id.
    var labelCache: [String: [CountryCode]] = [:]

    init(report: ThreatReport, recipient: Recipient, fallback: Marking?) {
        self.report = report
        self.recipient = recipient
        self.fallback = fallback
        index = ReportIndex(report)
        verdict = MarkingVerdict(recipient: recipient, index: index, published: report.published)
    }

    var defaultMarking: Marking? { report.defaultMarking ?? fallback }

    func build() -> ThreatReport {
        let repeated = repeatedIDs()
        decideObjects("actor", report.actors.map { ($0.id, $0.name, $0.marking) }, repeated: repeated)
        decideObjects("intrusion set", report.intrusionSets.map { ($0.id, $0.name, $0.marking) }, repeated: repeated)
        decideObjects("campaign", report.campaigns.map { ($0.id, $0.name, $0.marking) }, repeated: repeated)
        decideObjects("partnership", report.partnerships.map { ($0.id, $0.name, $0.marking) }, repeated: repeated)
        decideObjects("incident", report.incidents.map { ($0.id, $0.title, $0.marking) }, repeated: repeated)
        decideDetectionObjects(repeated: repeated)
        decideImported()
        // After every object is decided: a pattern carries the values it matches, whatever its links say.
        withholdPatternsNamingWithheldItems()

        var view = report
        // The effective default (the report's, else --default-marking) travels with the view, so writers label
        // unmarked items exactly as the policy released them.
        view.defaultMarking = defaultMarking.map(sanitized)
        decideNarrative(&view)
        view.actors = report.actors.filter { released.contains($0.id) }.map { actor in
            var actor = actor
            actor.sponsoredBy = links(actor.sponsoredBy, from: actor.id)
            actor.marking = actor.marking.map(sanitized)
            if let stripped = strip(actor.imported, description: &actor.description) { actor.imported = stripped }
            return actor
        }
        view.intrusionSets = report.intrusionSets.filter { released.contains($0.id) }.map(activity)
        view.campaigns = report.campaigns.filter { released.contains($0.id) }.map(activity)
        view.partnerships = report.partnerships.filter { released.contains($0.id) }.map(partnership)
        view.incidents = report.incidents.filter { released.contains($0.id) }.map(incident)
        releaseDetectionObjects(into: &view)
        view.sources = sources(for: view)
        finishImported(&view)
        // The table of STIX ids goes only for what the recipient receives: a writer that read it could name the rest.
        view.importedIDs = report.importedIDs.filter { stixID, localID in
            released.contains(localID) || imported.releasedIDs.contains(stixID) || localID == StableID.producerLocalID
        }
        labelDecisions(view)
        return view
    }

    /// Writes each released object's label (as the view carries it) into its decision, for `plan`.
    private func labelDecisions(_ view: ThreatReport) {
        var labelled: [(id: String, marking: Marking?)] = view.actors.map { ($0.id, $0.marking) }
        labelled += (view.intrusionSets + view.campaigns).map { ($0.id, $0.marking) }
        labelled += view.partnerships.map { ($0.id, $0.marking) } + view.incidents.map { ($0.id, $0.marking) }
        labelled += view.indicators.map { ($0.id, $0.marking) } + view.observables.map { ($0.id, $0.marking) }
        labelled += view.malware.map { ($0.id, $0.marking) } + view.tools.map { ($0.id, $0.marking) }
        // In report order, one text per run of one marking: a long default list would otherwise be joined
        // once per object.
        var last: (marking: Marking, label: String)?
        for (id, own) in labelled {
            guard let position = decisionIndex[id], let marking = own ?? view.defaultMarking else { continue }
            if last?.marking != marking { last = (marking, marking.label) }
            decisions[position].label = last?.label
        }
    }

    /// Ids that name more than one model object: a decision keyed by such an id could release the wrong
    /// one, so none of them is released.
    private func repeatedIDs() -> Set<String> {
        var seen: Set<String> = []
        var repeated: Set<String> = []
        let ids = report.actors.map(\.id) + report.intrusionSets.map(\.id) + report.campaigns.map(\.id)
            + report.partnerships.map(\.id) + report.incidents.map(\.id) + report.indicators.map(\.id)
            + report.observables.map(\.id) + report.malware.map(\.id) + report.tools.map(\.id)
        for id in ids where !seen.insert(id).inserted { repeated.insert(id) }
        return repeated
    }

    func decideObjects(
        _ kind: String, _ objects: [(id: String, name: String, marking: Marking?)], repeated: Set<String>
    ) {
        for object in objects {
            var (isReleased, rule) = verdict.decide(object.marking ?? defaultMarking)
            if repeated.contains(object.id) {
                (isReleased, rule) = (false, "the id '\(object.id)' names more than one object; none of them is released")
            }
            if isReleased { released.insert(object.id) }
            if decisionIndex[object.id] == nil { decisionIndex[object.id] = decisions.count }
            record(SharingDecision(kind: kind, id: object.id, name: object.name, isReleased: isReleased, rule: rule))
        }
    }

    func record(_ decision: SharingDecision) { decisions.append(decision) }

    /// Overturns the release of a model object (a reference it makes, or a granular marking, withholds it).
    func withhold(_ localID: String, rule: String) {
        guard released.remove(localID) != nil, let position = decisionIndex[localID] else { return }
        decisions[position].isReleased = false
        decisions[position].rule = rule
    }

    /// The title and description follow the report's own marking; a recipient who may not see them gets a
    /// neutral title naming only the producer.
    private func decideNarrative(_ view: inout ThreatReport) {
        var (isReleased, rule) = verdict.decide(report.marking ?? defaultMarking)
        if isReleased, let source = report.stixImport?.report, let refusal = narrativeGranularRefusal(source) {
            (isReleased, rule) = (false, refusal)
        }
        record(SharingDecision(kind: "report narrative", id: "title, description", name: report.title,
                               isReleased: isReleased, rule: rule))
        if isReleased {
            view.marking = report.marking.map(sanitized)
        } else {
            view.title = Self.neutralTitle(report.producer)
            view.description = nil
            view.marking = Marking(tlp: .clear)
            imported.narrativeWithheld = true
        }
    }

    /// The title a recipient who may not see the report's narrative receives.
    static func neutralTitle(_ producer: Producer) -> String {
        "Report from \(producer.name.isEmpty ? producer.id : producer.name)"
    }

    /// Keeps a link when its target goes, its own marking (if any) releases it, and what its imported
    /// object refers to goes too.
    func links(_ links: [Link], from source: String) -> [Link] {
        links.compactMap { link in
            // A relationship read from STIX is planned under its own id, which its sender knows it by.
            let id = link.imported?["id"]?.stringValue ?? "\(source) → \(link.ref)"
            guard let marking = keep("link", id, target: link.ref, marking: link.marking, imported: link.imported) else {
                return nil
            }
            var kept = link
            kept.marking = marking
            if let stripped = strip(link.imported, description: &kept.description) { kept.imported = stripped }
            return kept
        }
    }

    /// Decides a link or membership: it goes when its target goes and its own marking (if any) releases it.
    /// Returns `nil` to drop it, else its marking as the recipient may see it (`.some(nil)` when it has none).
    private func keep(_ kind: String, _ id: String, target: String, marking: Marking?, imported json: JSONValue?) -> Marking?? {
        let name = index.name(of: target) ?? target
        guard released.contains(target) else {
            record(SharingDecision(kind: kind, id: id, name: name, isReleased: false, rule: "'\(target)' is withheld"))
            return nil
        }
        if let refusal = importedRefusal(json) {
            record(SharingDecision(kind: kind, id: id, name: name, isReleased: false, rule: refusal))
            return nil
        }
        guard let marking else {
            if let json { imported.keep(json) }
            return .some(nil)
        }
        let (isReleased, rule) = verdict.decide(marking)
        record(SharingDecision(kind: kind, id: id, name: name, isReleased: isReleased, rule: "own marking: \(rule)"))
        // Only a released link's id may be listed (an imported report's object_refs lists what was kept).
        if isReleased, let json { imported.keep(json) }
        return isReleased ? .some(sanitized(marking)) : nil
    }

    private func activity(_ activity: Activity) -> Activity {
        var activity = activity
        activity.attributedTo = links(activity.attributedTo, from: activity.id)
        activity.targets = links(activity.targets, from: activity.id)
        activity.marking = activity.marking.map(sanitized)
        if let stripped = strip(activity.imported, description: &activity.description) { activity.imported = stripped }
        return activity
    }

    private func partnership(_ partnership: Partnership) -> Partnership {
        var partnership = partnership
        partnership.members = partnership.members.compactMap { membership in
            let id = "\(partnership.id) ∋ \(membership.member)"
            guard let marking = keep("membership", id, target: membership.member, marking: membership.marking,
                                     imported: membership.imported)
            else { return nil }
            var kept = membership
            kept.marking = marking
            var none: String?
            if let stripped = strip(membership.imported, description: &none) { kept.imported = stripped }
            return kept
        }
        partnership.marking = partnership.marking.map(sanitized)
        if let stripped = strip(partnership.imported, description: &partnership.description) { partnership.imported = stripped }
        return partnership
    }

    private func incident(_ incident: Incident) -> Incident {
        var incident = incident
        incident.attributedTo = links(incident.attributedTo, from: incident.id)
        incident.targets = links(incident.targets, from: incident.id)
        incident.responders = links(incident.responders, from: incident.id)
        incident.supporters = links(incident.supporters, from: incident.id)
        incident.marking = incident.marking.map(sanitized)
        if let stripped = strip(incident.imported, description: &incident.description) { incident.imported = stripped }
        return incident
    }
}
