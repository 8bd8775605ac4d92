public import Export

/// Reports generated from a seed, with awkward text (markup characters, white space at the edges, line breaks,
/// tabs, carriage returns, non-Latin scripts), every optional field sometimes set, and references that resolve.
public enum GeneratedReports {
    /// A deterministic report for `seed`.
    public static func make(seed: UInt64) throws -> ThreatReport {
        var random = SplitMix(state: seed)
        var report = ThreatReport(
            title: random.text(nonEmpty: true), description: random.maybe { $0.text() },
            published: try random.date(), producer: Producer(id: "producer-\(seed)", name: random.text(nonEmpty: true)))
        report.sources = (0..<random.int(0...3)).map { index in
            Source(id: "s\(index)", name: random.text(nonEmpty: true), url: random.maybe { "https://x.example/\($0.int(0...99))?a=1&b=<2>" },
                   sha256: random.maybe { _ in String(repeating: "0f", count: 32) }, description: random.maybe { $0.text() })
        }
        let kinds = ActorKind.allCases
        report.actors = (0..<random.int(1...6)).map { index in
            Actor(id: "a\(index)", name: random.text(nonEmpty: true), kind: kinds[random.int(0...(kinds.count - 1))],
                  aliases: random.list { $0.text() }, country: random.maybe { _ in CountryCode(["JP", "IN", "US", "VN", "PH"][index % 5]) } ?? nil,
                  sectors: random.list { IndustrySector($0.word()) }, roles: random.list { $0.text() }, description: random.maybe { $0.text() },
                  confidence: random.maybe { $0.int(0...100) },
                  mispOrganisationUUID: random.maybe { _ in "00000000-0000-4000-8000-00000000000\(index % 10)" })
        }
        let actorIDs = report.actors.map(\.id)
        for index in report.actors.indices where index > 0 && random.int(0...2) == 0 {
            report.actors[index].sponsoredBy = [Link(actorIDs[0], marking: try random.marking(parties: []), description: random.maybe { $0.text() })]
            report.actors[index].threat = ThreatProfile(
                types: random.list { ThreatActorType($0.word()) }, sophistication: random.maybe { Sophistication($0.word()) },
                goals: random.list { $0.text() }, firstSeen: try random.date())
        }
        report.intrusionSets = try (0..<random.int(0...2)).map { index in
            Activity(id: "is\(index)", name: random.text(nonEmpty: true), objective: random.maybe { $0.text() },
                     attributedTo: [Link(actorIDs[random.int(0...(actorIDs.count - 1))])], targets: random.list { Link(actorIDs[$0.int(0...(actorIDs.count - 1))]) },
                     marking: try random.marking(parties: []))
        }
        if actorIDs.count >= 2 {
            report.partnerships = [
                Partnership(id: "p0", name: random.text(nonEmpty: true), kind: PartnershipKind(random.word()),
                            members: [Membership(actorIDs[0], since: try random.date()), Membership(actorIDs[1], role: .observer)],
                            scope: random.list { PartnershipScope($0.word()) })
            ]
        }
        let parties = report.partnerships.map(\.id)
        report.defaultMarking = try random.maybeThrowing { try $0.marking(parties: parties) }
        report.incidents = try (0..<random.int(0...3)).map { index in
            var incident = Incident(id: "i\(index)", title: random.text(nonEmpty: true), kind: IncidentKind(random.word()),
                                    when: try DateSpan(from: try random.date()), responders: random.list { Link(actorIDs[$0.int(0...(actorIDs.count - 1))]) },
                                    impacts: random.list { $0.text() }, marking: try random.marking(parties: parties))
            if random.int(0...1) == 0 {
                incident.location = Location(name: random.maybe { $0.text() }, region: .southernAsia,
                                             latitude: Double(random.int(-90_000...90_000)) / 1_000, longitude: -1.0 / Double(random.int(1...999)))
            }
            return incident
        }
        return report
    }

    /// A small deterministic generator (SplitMix64) with the pieces awkward reports are made of.
    struct SplitMix {
        private var random: SplitMix64

        init(state: UInt64) { random = SplitMix64(seed: state) }

        mutating func next() -> UInt64 { random.next() }

        mutating func int(_ range: ClosedRange<Int>) -> Int {
            range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
        }

        private static let pieces = ["a", "Z", " ", "  ", "\n", "\t", "\r\n", "&", "<", ">", "\"", "'", "]]>", "é", "国", "🛰", "—", "x-y", "0"]

        mutating func text(nonEmpty: Bool = false) -> String {
            var text = ""
            for _ in 0..<int(nonEmpty ? 1...8 : 0...8) { text += Self.pieces[int(0...(Self.pieces.count - 1))] }
            return text
        }

        mutating func word() -> String { ["alpha", "beta-gamma", "new-term", "x"][int(0...3)] }

        mutating func maybe<T>(_ make: (inout SplitMix) -> T) -> T? { int(0...1) == 0 ? nil : make(&self) }

        mutating func maybeThrowing<T>(_ make: (inout SplitMix) throws -> T) throws -> T? { int(0...1) == 0 ? nil : try make(&self) }

        mutating func list<T>(_ make: (inout SplitMix) -> T) -> [T] { (0..<int(0...3)).map { _ in make(&self) } }

        mutating func date() throws -> PartialDate {
            switch int(0...2) {
            case 0: try PartialDate(year: int(1900...2030))
            case 1: try PartialDate(year: int(1900...2030), month: int(1...12))
            default: try PartialDate(year: int(1900...2030), month: 2, day: int(1...28))
            }
        }

        mutating func marking(parties: [String]) throws -> Marking {
            let tlps = TLP.allCases
            var releasees: [Releasee] = list { _ in CountryCode("IND") }.compactMap { $0 }.map(Releasee.country)
            if let party = parties.first, int(0...1) == 0 { releasees.append(.party(party)) }
            return Marking(tlp: tlps[int(0...(tlps.count - 1))], releasableTo: releasees)
        }
    }
}
