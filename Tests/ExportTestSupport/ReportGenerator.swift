public import Export
import ExportDevSupport

/// Makes random but valid reports from a seed, for property tests: same seed, same report.
///
/// Ids and names carry fixed-width serial numbers, so no id or name is a substring of another and a leak
/// check can search output bytes for them.
public struct ReportGenerator {
    var random: SplitMix64
    private let countries = ["USA", "GBR", "CAN", "AUS", "NZL", "JPN", "IND", "KOR", "PHL", "VNM", "FRA", "DEU"]

    /// Creates a generator.
    public init(seed: UInt64) { random = SplitMix64(seed: seed) }

    /// A report with roughly `size` objects.
    public mutating func report(size: Int = 12) throws -> ThreatReport {
        var report = ThreatReport(
            title: "Generated report \(serial(0))", published: try PartialDate(parsing: "2023-11-15"),
            producer: Producer(id: "gen.example", name: "Generator"),
            sources: [Source(id: "src-0001", name: "Source Alpha 0001"), Source(id: "src-0002", name: "Source Beta 0002")],
            defaultMarking: random.chance(0.8) ? Marking(tlp: .clear) : nil)
        let stateCount = max(3, size / 3)
        for index in 0..<stateCount {
            let code = countries[index % countries.count]
            report.actors.append(
                Actor(id: "st-\(serial(index))", name: "State \(serial(index))", kind: .state, country: CountryCode(code),
                      marking: try marking(parties: [])))
        }
        for index in 0..<max(1, size / 4) {
            let sponsor = report.actors[random.int(below: stateCount)].id
            var actor = Actor(
                id: "ta-\(serial(index))", name: "Threat \(serial(index))", kind: .threatActor,
                aliases: ["Alias \(serial(index))"], country: CountryCode(countries[random.int(below: countries.count)]),
                threat: ThreatProfile(types: [.nationState]), sponsoredBy: [try link(sponsor)], sources: ["src-0001"])
            actor.marking = try marking(parties: [])
            report.actors.append(actor)
        }
        let actorIDs = report.actors.map(\.id)
        for index in 0..<max(2, size / 4) {
            var members: [Membership] = []
            for member in Set((0..<3).map { _ in actorIDs[random.int(below: stateCount)] }).sorted() {
                members.append(Membership(member, since: random.chance(0.3) ? try PartialDate(parsing: "2023") : nil,
                                          marking: random.chance(0.2) ? try marking(parties: []) : nil))
            }
            if index > 0, random.chance(0.4) { members.append(Membership("pt-\(serial(index - 1))")) }
            if members.count < 2 { members.append(Membership(actorIDs[(stateCount - 1 + index) % stateCount])) }
            let ids = Set(members.map(\.member))
            members = members.filter { ids.contains($0.member) }
            report.partnerships.append(
                Partnership(id: "pt-\(serial(index))", name: "Pact \(serial(index))", kind: .alliance, members: dedupe(members),
                            marking: try marking(parties: report.partnerships.map(\.id))))
        }
        let parties = report.partnerships.map(\.id)
        let threatIDs = report.actors.filter { $0.kind == .threatActor }.map(\.id)
        for index in 0..<max(1, size / 3) {
            let victim = actorIDs[random.int(below: stateCount)]
            report.incidents.append(
                Incident(
                    id: "in-\(serial(index))", title: "Incident \(serial(index))", kind: .espionage,
                    description: random.chance(0.5) ? "Linked to \(report.actors[random.int(below: report.actors.count)].name)." : nil,
                    attributedTo: [try link(threatIDs[random.int(below: threatIDs.count)])], targets: [try link(victim)],
                    supporters: random.chance(0.5) ? [try link(parties[random.int(below: parties.count)])] : [],
                    sources: random.chance(0.5) ? ["src-0002"] : [], marking: try marking(parties: parties)))
        }
        return report
    }

    private mutating func link(_ ref: String) throws -> Link {
        Link(ref, marking: random.chance(0.25) ? try marking(parties: []) : nil)
    }

    mutating func marking(parties: [String]) throws -> Marking? {
        let tlp = [TLP.clear, .green, .amber, .amberStrict, .red][random.int(below: 5)]
        var entries: [Releasee] = []
        for _ in 0..<random.int(below: 3) {
            if !parties.isEmpty, random.chance(0.5) {
                entries.append(.party(parties[random.int(below: parties.count)]))
            } else if let code = CountryCode(countries[random.int(below: countries.count)]) {
                entries.append(.country(code))
            }
        }
        return Marking(tlp: tlp, releasableTo: entries.reduce(into: []) { if !$0.contains($1) { $0.append($1) } })
    }

    private func dedupe(_ members: [Membership]) -> [Membership] {
        var seen: Set<String> = []
        return members.filter { seen.insert($0.member).inserted }
    }

    private func serial(_ number: Int) -> String { String(number + 1000) }

    /// The recipients worth trying for a report: every country of the generator and every actor.
    public static func recipients(for report: ThreatReport) -> [String] {
        ["USA", "GBR", "CAN", "AUS", "NZL", "JPN", "IND", "KOR", "PHL", "VNM", "FRA", "DEU", "BRA"]
            + report.actors.filter { $0.kind != .state }.map(\.id)
    }
}

/// A small, fast, seedable random number generator (Steele, Lea and Flood's SplitMix64).
/// The steps are the corpus generator's (`CorpusRandom`); this is its public face for the tests.
public struct SplitMix64: RandomNumberGenerator {
    private var base: CorpusRandom

    /// Creates a generator.
    public init(seed: UInt64) { base = CorpusRandom(seed: seed) }

    public mutating func next() -> UInt64 { base.next() }

    /// A number in `0..<bound`.
    public mutating func int(below bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { Double(next() % 1_000_000) / 1_000_000 < p }
}
