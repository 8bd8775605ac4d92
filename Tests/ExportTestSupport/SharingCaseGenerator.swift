public import Export

/// One property-test case for the sharing oracle: an authoring-format report, a recipient, and the unique
/// token planted in each string field of each item, so a leak check can grep output bytes per item.
public struct SharingCase: Sendable {
    /// The report, as the authoring-format JSON both Swift and the Python oracle read.
    public var authoring: JSONValue
    /// Who the export is for: a country code (any case, alpha-2 or alpha-3) or an actor id.
    public var recipient: String
    /// Item id (in the oracle's spelling: `id`, `from → to`, `p ∋ m`, `source:id`, `narrative`) → its tokens.
    public var tokens: [String: [String]]
}

/// Makes random authoring-format reports that exercise every clause of README's "Partner-scoped sharing":
/// every TLP level, releasable-to lists naming countries (alpha-2 and alpha-3), actors and partnerships, objects
/// with no marking with and without a default, a narrative marking, nested partnerships with dated and RED
/// memberships, links with their own markings, and recipients of every kind.
public struct SharingCaseGenerator {
    private var random: SplitMix64
    private var serial = 10_000
    private var tokens: [String: [String]] = [:]
    private static let countries = ["USA", "GBR", "JPN", "IND", "VNM", "DEU", "FRA", "KOR"]
    private static let alpha2 = ["USA": "US", "GBR": "GB", "JPN": "JP", "IND": "IN", "VNM": "VN", "DEU": "DE",
                                 "FRA": "FR", "KOR": "KR"]
    private static let sinceDates = ["2019", "2021-06", "2023", "2023-11", "2023-11-15", "2023-11-14"]
    private static let untilDates = ["2023", "2023-12", "2024", "2023-11-16"]

    /// Creates a generator: the same seed gives the same cases.
    public init(seed: UInt64) { random = SplitMix64(seed: seed) }

    /// The next case.
    public mutating func next() -> SharingCase {
        // Tokens are unique within a case, and always five digits.
        tokens = [:]
        serial = 10_000
        var actors: [JSONValue] = []
        var kindOf: [String: String] = [:]
        func addActor(_ id: String, _ kind: String, country: String?, _ extra: [String: JSONValue] = [:]) {
            var actor: [String: JSONValue] = [
                "id": .string(id), "kind": .string(kind), "name": .string(token(id, "Name")),
                "evidence": .string(token(id, "Evidence")),
            ]
            if let country { actor["country"] = .string(spell(country)) }
            if random.chance(0.5) { actor["aliases"] = .array([.string(token(id, "Alias"))]) }
            if random.chance(0.5) { actor["description"] = .string(token(id, "Description")) }
            if random.chance(0.3) { actor["roles"] = .array([.string(token(id, "Role"))]) }
            actors.append(.object(actor.merging(extra) { $1 }))
            kindOf[id] = kind
        }
        let states = Self.countries.seededShuffle(&random).prefix(2 + random.int(below: 3))
        for country in states { addActor("st-\(country.lowercased())", "state", country: country) }
        for index in 0..<(1 + random.int(below: 2)) { addActor("ag-\(index)", "agency", country: pickCountry()) }
        for index in 0..<(1 + random.int(below: 2)) { addActor("org-\(index)", "organization", country: pickCountry()) }
        for index in 0..<random.int(below: 2) { addActor("ind-\(index)", "individual", country: pickCountry()) }
        let stateIDs = states.map { "st-\($0.lowercased())" }
        let memberCandidates = kindOf.keys.sorted()
        var partnershipIDs: [String] = []
        var partnerships: [JSONValue] = []
        for index in 0..<(2 + random.int(below: 3)) {
            let id = "pt-\(index)"
            var chosen = Set<String>()
            for _ in 0..<(2 + random.int(below: 3)) { chosen.insert(memberCandidates[random.int(below: memberCandidates.count)]) }
            if !partnershipIDs.isEmpty, random.chance(0.5) { chosen.insert(partnershipIDs[random.int(below: partnershipIDs.count)]) }
            if chosen.count < 2 { chosen.formUnion(stateIDs.prefix(2)) }
            let members: [JSONValue] = chosen.sorted().map { member in membership(of: member, in: id) }
            partnerships.append(
                .object(["id": .string(id), "kind": "alliance", "name": .string(token(id, "Pact")),
                         "description": .string(token(id, "Description")), "members": .array(members),
                         "evidence": .array([.string(token(id, "Evidence")), .string(token(id, "Quote"))])]
                    .merging(markingField(parties: partnershipIDs + [id], actors: memberCandidates)) { $1 }))
            partnershipIDs.append(id)
        }
        for index in 0..<(1 + random.int(below: 2)) {
            addActor("ta-\(index)", "threat-actor", country: pickCountry(),
                     ["sponsored_by": .array([link(from: "ta-\(index)", to: stateIDs[random.int(below: stateIDs.count)])]),
                      "goals": .array([.string(token("ta-\(index)", "Goal"))])])
        }
        let parties = partnershipIDs + kindOf.keys.sorted()
        // Markings on actors come last so they may name any party.
        actors = actors.map { actor in
            guard case .object(var fields) = actor else { return actor }
            fields.merge(markingField(parties: parties, actors: [])) { $1 }
            return .object(fields)
        }
        let threatIDs = kindOf.filter { $0.value == "threat-actor" }.keys.sorted()
        let sourceIDs = (0..<(1 + random.int(below: 3))).map { "src-\($0)" }
        func cite() -> [String: JSONValue] {
            random.chance(0.4) ? ["sources": .array([.string(sourceIDs[random.int(below: sourceIDs.count)])])] : [:]
        }
        var activities: [JSONValue] = []
        for index in 0..<(1 + random.int(below: 2)) {
            let id = "is-\(index)"
            let target = memberCandidates[random.int(below: memberCandidates.count)]
            activities.append(.object(
                ["id": .string(id), "name": .string(token(id, "Set")), "objective": .string(token(id, "Objective")),
                 "evidence": .string(token(id, "Evidence")),
                 "attributed_to": .array([link(from: id, to: threatIDs[random.int(below: threatIDs.count)])]),
                 "targets": .array([link(from: id, to: target)])]
                    .merging(markingField(parties: parties, actors: [])) { $1 }.merging(cite()) { $1 }))
        }
        var incidents: [JSONValue] = []
        for index in 0..<(1 + random.int(below: 3)) {
            let id = "inc-\(index)"
            var used = Set<String>()
            func links(_ pool: [String]) -> JSONValue {
                let picks = (0..<random.int(below: 3)).map { _ in pool[random.int(below: pool.count)] }
                return .array(picks.filter { used.insert($0).inserted }.map { link(from: id, to: $0) })
            }
            var incident: [String: JSONValue] = [
                "id": .string(id), "kind": "espionage", "title": .string(token(id, "Title")),
                "description": .string(token(id, "Description")), "outcome": .string(token(id, "Outcome")),
                "impacts": .array([.string(token(id, "Impact"))]), "evidence": .string(token(id, "Evidence")),
                "where": .object(["name": .string(token(id, "Place")), "country": .string(pickCountry())]),
            ]
            incident["attributed_to"] = links(threatIDs + ["is-0"])
            incident["targets"] = links(memberCandidates)
            incident["responders"] = links(stateIDs)
            incident["supporters"] = links(partnershipIDs + stateIDs)
            incidents.append(.object(incident.merging(markingField(parties: parties, actors: [])) { $1 }
                .merging(cite()) { $1 }))
        }
        let sources: [JSONValue] = sourceIDs.map { id in
            .object(["id": .string(id), "name": .string(token("source:\(id)", "Source")),
                     "url": .string("https://example.org/" + token("source:\(id)", "url")),
                     "description": .string(token("source:\(id)", "About"))])
        }
        var report: [String: JSONValue] = [
            "format_version": "1.0", "title": .string(token("narrative", "Title")),
            "description": .string(token("narrative", "Summary")), "published": "2023-11-15",
            "producer": .object(["id": "producer.example", "name": "Desk"]),
            "sources": .array(sources), "actors": .array(actors), "intrusion_sets": .array(activities),
            "partnerships": .array(partnerships), "incidents": .array(incidents),
        ]
        if random.chance(0.6), case .object(let fields) = marking(parties: parties, actors: []) {
            report["default_marking"] = .object(fields)
        }
        report.merge(markingField(parties: parties, actors: [])) { $1 }
        return SharingCase(authoring: .object(report), recipient: recipient(actors: kindOf, states: Array(states)),
                           tokens: tokens)
    }

    private mutating func recipient(actors: [String: String], states: [String]) -> String {
        switch random.int(below: 4) {
        case 0:
            let code = Self.countries[random.int(below: Self.countries.count)]
            let spelled = random.chance(0.3) ? (Self.alpha2[code] ?? code) : code
            return random.chance(0.3) ? spelled.lowercased() : spelled
        case 1: return "st-" + states[random.int(below: states.count)].lowercased()
        default:
            let others = actors.filter { $0.value != "state" }.keys.sorted()
            return others[random.int(below: others.count)]
        }
    }

    private mutating func membership(of member: String, in partnership: String) -> JSONValue {
        let item = "\(partnership) ∋ \(member)"
        if random.chance(0.3) { return .string(member) }
        var fields: [String: JSONValue] = ["member": .string(member), "evidence": .string(token(item, "Evidence"))]
        if random.chance(0.4) { fields["role"] = .string(token(item, "Role")) }
        let since = random.chance(0.4) ? Self.sinceDates[random.int(below: Self.sinceDates.count)] : nil
        if let since { fields["since"] = .string(since) }
        // Lint wants since before until: only the early starts get an end.
        if random.chance(0.2), since == nil || since == "2019" || since == "2021-06" {
            fields["until"] = .string(Self.untilDates[random.int(below: Self.untilDates.count)])
        }
        if random.chance(0.35) {
            let tlp = random.chance(0.5) ? "red" : ["clear", "green", "amber"][random.int(below: 3)]
            fields["marking"] = .object(["tlp": .string(tlp), "releasable_to": .array(entries(parties: [], actors: []))])
        }
        return .object(fields)
    }

    private mutating func link(from: String, to: String) -> JSONValue {
        let item = "\(from) → \(to)"
        if random.chance(0.5) { return .string(to) }
        var fields: [String: JSONValue] = [
            "ref": .string(to), "description": .string(token(item, "Because")), "evidence": .string(token(item, "Evidence")),
        ]
        if random.chance(0.6) { fields["marking"] = marking(parties: [], actors: []) }
        return .object(fields)
    }

    private mutating func markingField(parties: [String], actors: [String]) -> [String: JSONValue] {
        random.chance(0.2) ? [:] : ["marking": marking(parties: parties, actors: actors)]
    }

    private mutating func marking(parties: [String], actors: [String]) -> JSONValue {
        let tlp = ["clear", "green", "amber", "amber+strict", "red"][random.int(below: 5)]
        return .object(["tlp": .string(tlp), "releasable_to": .array(entries(parties: parties, actors: actors))])
    }

    private mutating func entries(parties: [String], actors: [String]) -> [JSONValue] {
        let pool = parties + actors
        var seen = Set<String>()
        var entries: [JSONValue] = []
        for _ in 0..<random.int(below: 4) {
            let isParty = !pool.isEmpty && random.chance(0.6)
            let entry = isParty ? pool[random.int(below: pool.count)] : Self.countries[random.int(below: Self.countries.count)]
            if seen.insert(entry).inserted { entries.append(.string(isParty ? entry : spell(entry))) }
        }
        return entries
    }

    private mutating func pickCountry() -> String { Self.countries[random.int(below: Self.countries.count)] }

    private mutating func spell(_ code: String) -> String { random.chance(0.25) ? (Self.alpha2[code] ?? code) : code }

    /// A unique word for one field of one item, recorded so the test can grep for it.
    private mutating func token(_ item: String, _ field: String) -> String {
        serial += 1
        let word = "\(field)Tok\(serial)"
        tokens[item, default: []].append(word)
        return word
    }
}

extension Array {
    fileprivate func seededShuffle(_ random: inout SplitMix64) -> [Element] {
        var copy = self
        for index in copy.indices.reversed() where index > 0 { copy.swapAt(index, random.int(below: index + 1)) }
        return copy
    }
}
