/// Checks a report as a whole: ids, references, memberships and partnership cycles.
///
/// These are the problems no single field shows: a duplicate id, a link to an id that does not exist (or to
/// the wrong kind of object), a membership that ends before it starts, a partnership of one, partnerships
/// that contain each other.
///
/// ```swift
/// for issue in ReportChecks.check(report) { print(issue.path, issue.message) }
/// ```
public enum ReportChecks {
    /// Every problem, in document order of the fields concerned; `sharingHints` adds the warnings of
    /// ``ImportSettings/sharingHints``.
    public static func check(_ report: ThreatReport, sharingHints: Bool = false) -> [ReportIssue] {
        var checker = Checker(report: report, sharingHints: sharingHints)
        checker.run()
        return checker.issues
    }
}

private struct Checker {
    let report: ThreatReport
    var issues: [ReportIssue] = []
    /// Every object id with its kind, first definition wins.
    var kinds: [String: ObjectKind] = [:]
    let sourceIDs: Set<String>
    /// Threat actors' ids: a releasable-to entry naming one is almost surely a slip.
    let threatActorIDs: Set<String>

    enum ObjectKind: String {
        case actor, intrusionSet = "intrusion set", campaign, partnership, incident
        case indicator, observable, malware, tool
    }

    let sharingHints: Bool

    init(report: ThreatReport, sharingHints: Bool) {
        self.report = report
        self.sharingHints = sharingHints
        sourceIDs = Set(report.sources.map(\.id))
        threatActorIDs = Set(report.actors.filter { $0.kind == .threatActor }.map(\.id))
    }

    mutating func run() {
        defineIDs()
        let parties: Set<ObjectKind> = [.actor, .partnership]
        for (index, actor) in report.actors.enumerated() {
            let path = "actors[\(index)]"
            links(actor.sponsoredBy, "\(path).sponsored_by", allowed: parties)
            common(actor.sources, actor.marking, path)
            if let first = actor.threat?.firstSeen, let last = actor.threat?.lastSeen, last.end < first.start {
                issues.append(ReportIssue(at: "\(path).last_seen", "last_seen (\(last)) is before first_seen (\(first))"))
            }
        }
        for (list, name) in [(report.intrusionSets, "intrusion_sets"), (report.campaigns, "campaigns")] {
            for (index, activity) in list.enumerated() {
                let path = "\(name)[\(index)]"
                links(activity.attributedTo, "\(path).attributed_to", allowed: [.actor, .intrusionSet, .campaign])
                links(activity.targets, "\(path).targets", allowed: parties)
                common(activity.sources, activity.marking, path)
                if let first = activity.firstSeen, let last = activity.lastSeen, last.end < first.start {
                    issues.append(ReportIssue(at: "\(path).last_seen", "last_seen (\(last)) is before first_seen (\(first))"))
                }
            }
        }
        for (index, partnership) in report.partnerships.enumerated() {
            members(partnership, "partnerships[\(index)]")
            common(partnership.sources, partnership.marking, "partnerships[\(index)]")
        }
        for (index, incident) in report.incidents.enumerated() {
            let path = "incidents[\(index)]"
            links(incident.attributedTo, "\(path).attributed_to", allowed: [.actor, .intrusionSet, .campaign])
            links(incident.targets, "\(path).targets", allowed: parties)
            links(incident.responders, "\(path).responders", allowed: parties)
            links(incident.supporters, "\(path).supporters", allowed: parties)
            common(incident.sources, incident.marking, path)
        }
        detectionObjects()
        if let marking = report.defaultMarking { releasees(marking, "default_marking") }
        if let marking = report.marking { releasees(marking, "marking") }
        unmarked()
        cycles()
    }

    mutating func defineIDs() {
        var sources: Set<String> = []
        for (index, source) in report.sources.enumerated() where !source.id.isEmpty {
            if !sources.insert(source.id).inserted {
                issues.append(ReportIssue(at: "sources[\(index)].id", "duplicate source id '\(source.id)'", hint: "each source needs its own id"))
            }
        }
        let groups: [(String, ObjectKind, [String])] = [
            ("actors", .actor, report.actors.map(\.id)),
            ("intrusion_sets", .intrusionSet, report.intrusionSets.map(\.id)),
            ("campaigns", .campaign, report.campaigns.map(\.id)),
            ("partnerships", .partnership, report.partnerships.map(\.id)),
            ("incidents", .incident, report.incidents.map(\.id)),
            ("indicators", .indicator, report.indicators.map(\.id)),
            ("observables", .observable, report.observables.map(\.id)),
            ("malware", .malware, report.malware.map(\.id)),
            ("tools", .tool, report.tools.map(\.id)),
        ]
        for (list, kind, ids) in groups {
            for (index, id) in ids.enumerated() where !id.isEmpty {
                if let first = kinds[id] {
                    issues.append(ReportIssue(at: "\(list)[\(index)].id", "duplicate id '\(id)'",
                                              hint: "'\(id)' is already the id of \(article(first)) \(first.rawValue); ids are unique in a report"))
                } else {
                    kinds[id] = kind
                }
            }
        }
    }

    /// Indicators, observables, malware and tools: what each of their links may name, and their markings.
    mutating func detectionObjects() {
        let users: Set<ObjectKind> = [.actor, .intrusionSet, .campaign]
        for (index, indicator) in report.indicators.enumerated() {
            let path = "indicators[\(index)]"
            links(indicator.indicates, "\(path).indicates", allowed: users.union([.malware]))
            threatActorsOnly(indicator.indicates, "\(path).indicates")
            links(indicator.basedOn, "\(path).based_on", allowed: [.observable])
            common(indicator.sources, indicator.marking, path)
        }
        for (index, observable) in report.observables.enumerated() {
            links(observable.involvedIn, "observables[\(index)].involved_in", allowed: [.incident])
            if let marking = observable.marking { releasees(marking, "observables[\(index)].marking") }
        }
        for (index, malware) in report.malware.enumerated() {
            links(malware.usedBy, "malware[\(index)].used_by", allowed: users)
            threatActorsOnly(malware.usedBy, "malware[\(index)].used_by")
            common(malware.sources, malware.marking, "malware[\(index)]")
        }
        for (index, tool) in report.tools.enumerated() {
            links(tool.usedBy, "tools[\(index)].used_by", allowed: users)
            threatActorsOnly(tool.usedBy, "tools[\(index)].used_by")
            common(tool.sources, tool.marking, "tools[\(index)]")
        }
    }

    /// STIX has `indicates` and `uses` for threat actors, not for states or organisations.
    mutating func threatActorsOnly(_ links: [Link], _ path: String) {
        for (index, link) in links.enumerated() where kinds[link.ref] == .actor && !threatActorIDs.contains(link.ref) {
            issues.append(ReportIssue(at: "\(path)[\(index)]", "'\(link.ref)' is an actor but not a threat actor",
                                      hint: "name an actor of kind threat-actor, an intrusion set or a campaign"))
        }
    }

    mutating func links(_ links: [Link], _ path: String, allowed: Set<ObjectKind>) {
        for (index, link) in links.enumerated() {
            reference(link.ref, "\(path)[\(index)]", allowed: allowed)
            if let marking = link.marking { releasees(marking, "\(path)[\(index)].marking") }
        }
    }

    mutating func reference(_ id: String, _ path: String, allowed: Set<ObjectKind>) {
        guard !id.isEmpty else { return }
        guard let kind = kinds[id] else {
            let candidates = kinds.filter { allowed.contains($0.value) }.keys.sorted()
            let country = path.contains("releasable_to") ? CountryCode(id) : nil
            issues.append(ReportIssue(at: path, "no object has the id '\(id)'",
                                      hint: country.map { "for the country, write its code in capitals: '\($0.alpha3)'" }
                                        ?? Suggestion.hint(for: id, in: candidates, noun: "id")))
            return
        }
        if !allowed.contains(kind) {
            let names = allowed.map(\.rawValue).sorted().joined(separator: " or ")
            issues.append(ReportIssue(at: path, "'\(id)' is \(article(kind)) \(kind.rawValue), but this must name \(names)"))
        }
    }

    mutating func common(_ sources: [String], _ marking: Marking?, _ path: String) {
        for (index, source) in sources.enumerated() where !sourceIDs.contains(source) {
            issues.append(ReportIssue(at: "\(path).sources[\(index)]", "no source has the id '\(source)'",
                                      hint: Suggestion.hint(for: source, in: sourceIDs.sorted(), noun: "source id")))
        }
        if let marking { releasees(marking, "\(path).marking") }
    }

    mutating func releasees(_ marking: Marking, _ path: String) {
        if sharingHints, marking.releasableTo.isEmpty, marking.tlp == .green || marking.tlp == .amber || marking.tlp == .amberStrict {
            issues.append(ReportIssue(
                .warning, at: path, "\(marking.tlp.label) with no releasable_to reaches nobody outside the producer",
                hint: "list the countries or partnerships it may go to, or mark it tlp: clear if it is public"))
        }
        for (index, releasee) in marking.releasableTo.enumerated() {
            guard case .party(let id) = releasee else { continue }
            let entryPath = "\(path).releasable_to[\(index)]"
            reference(id, entryPath, allowed: [.actor, .partnership])
            if sharingHints, threatActorIDs.contains(id) {
                issues.append(ReportIssue(
                    .warning, at: entryPath, "releasable to '\(id)', a threat actor",
                    hint: "a release names who may receive an item; check the id (a partner, not an adversary)"))
            }
        }
    }

    mutating func members(_ partnership: Partnership, _ path: String) {
        // A warning, not an error: a recipient's view lists only the memberships it may see, and must read back.
        if partnership.members.count < 2 {
            issues.append(ReportIssue(.warning, at: "\(path).members", "partnership '\(partnership.id)' has \(partnership.members.count) member\(partnership.members.count == 1 ? "" : "s"); a partnership needs at least two",
                                      hint: "add the other members, or model a single actor as an actor (a recipient's view may list fewer: the others are withheld from it)"))
        }
        var seen: Set<String> = []
        for (index, membership) in partnership.members.enumerated() {
            let memberPath = "\(path).members[\(index)]"
            reference(membership.member, memberPath, allowed: [.actor, .partnership])
            if !membership.member.isEmpty, !seen.insert(membership.member).inserted {
                issues.append(ReportIssue(at: memberPath, "'\(membership.member)' is listed twice in '\(partnership.id)'",
                                          hint: "give one membership per member; use since/until for its dates"))
            }
            if let since = membership.since, let until = membership.until, until.end < since.start {
                issues.append(ReportIssue(at: "\(memberPath).until", "membership ends (\(until)) before it starts (\(since))",
                                          hint: "'until' must not be earlier than 'since'"))
            }
            if let marking = membership.marking { releasees(marking, "\(memberPath).marking") }
        }
    }

    /// With no default marking, an object without its own marking goes to no recipient: say so once per object.
    mutating func unmarked() {
        guard report.defaultMarking == nil else { return }
        let lists: [(String, [Marking?])] = [
            ("actors", report.actors.map(\.marking)), ("intrusion_sets", report.intrusionSets.map(\.marking)),
            ("campaigns", report.campaigns.map(\.marking)), ("partnerships", report.partnerships.map(\.marking)),
            ("incidents", report.incidents.map(\.marking)), ("indicators", report.indicators.map(\.marking)),
            ("observables", report.observables.map(\.marking)), ("malware", report.malware.map(\.marking)),
            ("tools", report.tools.map(\.marking)),
        ]
        for (list, markings) in lists {
            for (index, marking) in markings.enumerated() where marking == nil {
                issues.append(ReportIssue(.warning, at: "\(list)[\(index)]", "no marking and no default_marking: this goes to no recipient of a --for export",
                                          hint: "add a marking, a default_marking, or pass --default-marking"))
            }
        }
    }

    /// Reports each cycle of partnerships once, at the membership that closes it.
    mutating func cycles() {
        // Only ids that name a partnership (a duplicate id may belong to an actor first).
        let index = Dictionary(
            report.partnerships.enumerated().filter { kinds[$0.element.id] == .partnership }.map { ($0.element.id, $0.offset) }
        ) { first, _ in first }
        var state: [String: Int] = [:]  // 1 = on the current path, 2 = done
        var stack: [String] = []
        func visit(_ id: String, _ issues: inout [ReportIssue]) {
            guard let position = index[id] else { return }
            state[id] = 1
            stack.append(id)
            for (memberIndex, membership) in report.partnerships[position].members.enumerated() where index[membership.member] != nil {
                switch state[membership.member] {
                case 1:
                    let cycle = stack.drop { $0 != membership.member } + [membership.member]
                    issues.append(ReportIssue(at: "partnerships[\(position)].members[\(memberIndex)]",
                                              "partnerships form a cycle: \(cycle.joined(separator: " → "))",
                                              hint: "a partnership cannot contain itself, directly or through others"))
                case nil: visit(membership.member, &issues)
                default: break
                }
            }
            stack.removeLast()
            state[id] = 2
        }
        for partnership in report.partnerships where state[partnership.id] == nil { visit(partnership.id, &issues) }
    }

    func article(_ kind: ObjectKind) -> String { ["actor", "intrusion set", "incident"].contains(kind.rawValue) ? "an" : "a" }
}
