/// Whom a releasable-to entry stands for: actor ids and countries, partnerships expanded.
///
/// A partnership stands for its members at the report's `published` date, counting a member only if it was
/// certainly a member that day; partnerships nested in partnerships expand recursively. A state member also
/// brings its country, which covers every actor of that country.
struct Audience: Sendable {
    var actorIDs: Set<String> = []
    var countries: Set<CountryCode> = []

    /// Expands one party id (a partnership or an actor).
    static func expand(_ id: String, in report: ThreatReport) -> Audience {
        expand(id, index: ReportIndex(report), published: report.published)
    }

    /// Expands one party id using a prepared index.
    static func expand(_ id: String, index: ReportIndex, published: PartialDate) -> Audience {
        var audience = Audience()
        var visited: Set<String> = []
        audience.add(id, index: index, published: published, visited: &visited)
        return audience
    }

    private mutating func add(_ id: String, index: ReportIndex, published: PartialDate, visited: inout Set<String>) {
        guard visited.insert(id).inserted else { return }
        if let partnership = index.partnerships[id] {
            for membership in partnership.members where membership.isCertain(on: published) {
                add(membership.member, index: index, published: published, visited: &visited)
            }
        } else if let actor = index.actors[id] {
            actorIDs.insert(actor.id)
            if actor.kind == .state, let country = actor.country { countries.insert(country) }
        }
    }

    /// Whether the audience includes the recipient.
    func includes(_ recipient: Recipient) -> Bool {
        !actorIDs.isDisjoint(with: recipient.actorIDs) || recipient.country.map(countries.contains) == true
    }

    /// The countries to name in a marking in place of this party: its states' and its actors' countries.
    func countryCodes(index: ReportIndex) -> [CountryCode] {
        var codes = countries
        for id in actorIDs {
            if let country = index.actors[id]?.country { codes.insert(country) }
        }
        return codes.sorted()
    }
}
