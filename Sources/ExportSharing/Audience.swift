package import ExportCore

/// Whom a releasable-to entry stands for: actor ids and countries, partnerships expanded.
///
/// A partnership stands for its members at the report's `published` date, counting a member only if it was
/// certainly a member that day and its membership is not TLP:RED (a RED membership is a secret of its own
/// and never widens who receives something); partnerships nested in partnerships expand recursively. A state
/// member also brings its country, which covers that state and its agencies.
package struct Audience: Sendable {
    var actorIDs: Set<String> = []
    var countries: Set<CountryCode> = []

    /// Expands one party id (a partnership or an actor).
    static func expand(_ id: String, in report: ThreatReport) -> Audience {
        expand(id, index: ReportIndex(report), published: report.published)
    }

    /// Expands one party id using a prepared index; `admits` filters the member actors counted and
    /// `admitsMembership` the memberships followed (all by default).
    static func expand(
        _ id: String, index: ReportIndex, published: PartialDate, admits: (String) -> Bool = { _ in true },
        admitsMembership: (Membership) -> Bool = { _ in true }
    ) -> Audience {
        var audience = Audience()
        var visited: Set<String> = []
        var pending = [id]
        // A work list, not recursion: a crafted chain of nested partnerships must not exhaust the stack.
        while let next = pending.popLast() {
            guard visited.insert(next).inserted else { continue }
            if let partnership = index.partnerships[next] {
                for membership in partnership.members.reversed()
                where membership.counts(on: published) && admitsMembership(membership) {
                    pending.append(membership.member)
                }
            } else if let actor = index.actors[next], admits(actor.id) {
                audience.actorIDs.insert(actor.id)
                if actor.kind == .state, let country = actor.country { audience.countries.insert(country) }
            }
        }
        return audience
    }

    /// The member that makes the audience include the recipient, in words; `nil` when it does not.
    func inclusion(of recipient: Recipient) -> String? {
        if let id = recipient.actorIDs.sorted().first(where: actorIDs.contains) { return id }
        if let country = recipient.coveredCountry, countries.contains(country) { return country.alpha3 }
        return nil
    }

    /// The alpha-3 codes a releasable-to list reaches in a view: countries as written, parties through their
    /// members (``Membership/counts(on:)``), actors by their country. Every format names a marking's audience
    /// with these codes, so a label reads the same in each.
    package static func countryCodes(of releasees: [Releasee], index: ReportIndex, published: PartialDate) -> [String] {
        var codes: Set<String> = []
        for releasee in releasees {
            switch releasee {
            case .country(let code): codes.insert(code.alpha3)
            case .party(let id):
                for code in expand(id, index: index, published: published).countryCodes(index: index) { codes.insert(code.alpha3) }
            }
        }
        return codes.sorted()
    }

    /// The countries to name in a marking in place of this party: its states' countries only. An organisation,
    /// a person or an agency is not its country; writing its country would release to the whole country.
    func countryCodes(index: ReportIndex) -> [CountryCode] {
        countries.sorted()
    }
}
