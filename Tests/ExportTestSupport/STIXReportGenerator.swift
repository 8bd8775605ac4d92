public import Export

/// A seeded generator of reports that use every model field, for the STIX round-trip property test (no dependency on a property-testing package).
///
/// The same seed gives the same report on every machine. Generated reports keep the invariants a report
/// that lints clean has: unique ids, links to existing objects only, no repeated link, threat profiles
/// only on threat actors (and never empty), at least one object.
public struct STIXReportGenerator {
    private var random: SplitMix64

    /// A generator for a seed (its state offset by one step, as it always was: a seed gives the reports it gave).
    public init(seed: UInt64) { random = SplitMix64(seed: seed &+ 0x9E37_79B9_7F4A_7C15) }

    private mutating func next() -> UInt64 { random.next() }

    private mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    private mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }

    private mutating func pick<T>(_ values: [T]) -> T { values[int(0...(values.count - 1))] }

    private mutating func maybe<T>(_ percent: Int = 50, _ make: (inout STIXReportGenerator) -> T) -> T? {
        chance(percent) ? make(&self) : nil
    }

    private mutating func text(_ prefix: String) -> String {
        let words = ["alpha", "Bravo", "charlie", "délta", "echo \"quoted\"", "fox\ntrot", "golf", "中文"]
        return prefix + " " + (0..<int(1...3)).map { _ in pick(words) }.joined(separator: " ")
    }

    private mutating func date() throws -> PartialDate {
        let year = int(1940...2024)
        switch int(0...2) {
        case 0: return try PartialDate(year: year)
        case 1: return try PartialDate(year: year, month: int(1...12))
        default: return try PartialDate(year: year, month: int(1...12), day: int(1...28))
        }
    }

    private mutating func country() -> CountryCode? { CountryCode(pick(["US", "JP", "IN", "AU", "GB", "CN", "NZ", "CA", "FR"])) }

    private mutating func marking(parties: [String]) -> Marking? {
        guard chance(40) else { return nil }
        var releasees: [Releasee] = []
        if chance(40) {
            for _ in 0..<int(1...2) {
                if chance(50), !parties.isEmpty { releasees.append(.party(pick(parties))) }
                else if let code = country() { releasees.append(.country(code)) }
            }
        }
        return Marking(tlp: pick(TLP.allCases), releasableTo: releasees)
    }

    private mutating func links(to ids: [String], parties: [String], max: Int) -> [Link] {
        var chosen: [String] = []
        for _ in 0..<int(0...max) where !ids.isEmpty {
            let id = pick(ids)
            if !chosen.contains(id) { chosen.append(id) }
        }
        return chosen.map { Link($0, marking: marking(parties: parties), description: maybe(20) { $0.text("link") }) }
    }

    /// The next report.
    public mutating func report() throws -> ThreatReport {
        var report = ThreatReport(
            title: text("Report"), description: maybe { $0.text("about") }, published: try date(),
            producer: Producer(id: pick(["cert.example.gov", "csirt.example.org"]), name: text("Producer")))
        let actorIDs = (0..<int(1...8)).map { "actor-\($0)" }
        let partnershipIDs = (0..<int(0...3)).map { "partnership-\($0)" }
        let parties = actorIDs + partnershipIDs
        report.sources = (0..<int(0...3)).map { index in
            Source(
                id: "source-\(index)", name: text("Source"), url: chance(50) ? "https://example.com/\(index)" : nil,
                sha256: chance(30) ? String(repeating: "0f", count: 32) : nil, description: maybe(30) { $0.text("says") })
        }
        let sourceIDs = report.sources.map(\.id)
        func cite(_ generator: inout STIXReportGenerator) -> [String] {
            sourceIDs.filter { _ in generator.chance(40) }
        }
        report.defaultMarking = marking(parties: parties)
        for id in actorIDs {
            let kind = pick(ActorKind.allCases)
            var actor = Actor(id: id, name: text("Actor"), kind: kind)
            actor.aliases = chance(30) ? [text("alias")] : []
            actor.country = chance(60) ? country() : nil
            actor.sectors = chance(40) ? [pick(IndustrySector.known), "space"] : []
            actor.roles = chance(30) ? [text("role")] : []
            actor.description = maybe { $0.text("actor") }
            if kind == .threatActor, chance(70) {
                actor.threat = ThreatProfile(
                    types: [pick(ThreatActorType.known)], sophistication: pick(Sophistication.known),
                    resourceLevel: maybe { $0.pick(ResourceLevel.known) }, primaryMotivation: maybe { $0.pick(Motivation.known) },
                    secondaryMotivations: chance(30) ? [pick(Motivation.known)] : [], goals: chance(30) ? [text("goal")] : [],
                    firstSeen: chance(50) ? try date() : nil, lastSeen: chance(30) ? try date() : nil)
            }
            actor.sponsoredBy = links(to: actorIDs.filter { $0 != id }, parties: parties, max: 1)
            actor.confidence = maybe { $0.int(0...100) }
            actor.sources = cite(&self)
            actor.marking = marking(parties: parties)
            report.actors.append(actor)
        }
        for (index, kind) in ["intrusion-set", "campaign"].enumerated() {
            for number in 0..<int(0...2) {
                var activity = Activity(id: "\(kind)-\(number)", name: text(kind))
                activity.aliases = chance(30) ? [text("alias")] : []
                activity.description = maybe { $0.text("activity") }
                activity.firstSeen = chance(50) ? try date() : nil
                activity.lastSeen = chance(30) ? try date() : nil
                activity.objective = maybe { $0.text("objective") }
                activity.attributedTo = links(to: actorIDs, parties: parties, max: 2)
                activity.targets = links(to: actorIDs, parties: parties, max: 2)
                activity.confidence = maybe { $0.int(0...100) }
                activity.sources = cite(&self)
                activity.marking = marking(parties: parties)
                if index == 0 { report.intrusionSets.append(activity) } else { report.campaigns.append(activity) }
            }
        }
        for (number, id) in partnershipIDs.enumerated() {
            var partnership = Partnership(id: id, name: text("Partnership"), kind: pick(PartnershipKind.known + ["pact"]))
            partnership.aliases = chance(30) ? [text("alias")] : []
            let candidates = actorIDs + partnershipIDs.prefix(number)
            for member in candidates where chance(40) {
                let since = chance(50) ? try date() : nil
                let until = try since.flatMap { date in chance(30) ? try PartialDate(year: date.year + int(1...5)) : nil }
                partnership.members.append(
                    Membership(
                        member, role: maybe { $0.pick(MembershipRole.known) }, since: since, until: until,
                        marking: marking(parties: parties)))
            }
            partnership.scope = chance(50) ? [pick(PartnershipScope.known)] : []
            partnership.established = chance(50) ? try date() : nil
            partnership.description = maybe { $0.text("partnership") }
            partnership.confidence = maybe { $0.int(0...100) }
            partnership.sources = cite(&self)
            partnership.marking = marking(parties: parties)
            report.partnerships.append(partnership)
        }
        for number in 0..<int(0...3) {
            var incident = Incident(id: "incident-\(number)", title: text("Incident"), kind: pick(IncidentKind.known))
            incident.description = maybe { $0.text("incident") }
            if chance(60) {
                let from = try date()
                incident.when = try DateSpan(from: from, to: chance(30) ? try PartialDate(year: from.year + 1) : nil)
            }
            if chance(60) {
                incident.location = Location(
                    name: maybe { $0.text("place") }, country: chance(50) ? country() : nil,
                    region: maybe(30) { $0.pick(Region.known) }, latitude: chance(30) ? Double(int(-90...90)) / 2 : nil,
                    longitude: chance(30) ? Double(int(-180...180)) / 3 : nil)
            }
            incident.attributedTo = links(to: actorIDs, parties: parties, max: 2)
            incident.targets = links(to: actorIDs, parties: parties, max: 2)
            incident.responders = links(to: actorIDs, parties: parties, max: 2)
            incident.supporters = links(to: actorIDs, parties: parties, max: 2)
            incident.outcome = maybe { $0.text("outcome") }
            incident.impacts = chance(40) ? [text("impact")] : []
            incident.status = pick(IncidentStatus.known)
            incident.determination = pick(IncidentDetermination.known)
            incident.confidence = maybe { $0.int(0...100) }
            incident.sources = cite(&self)
            incident.marking = marking(parties: parties)
            report.incidents.append(incident)
        }
        return report
    }
}
