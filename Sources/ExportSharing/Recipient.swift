public import ExportCore

/// Who an export is for: a country (`IND`, `in`, `GBR`) or an actor of the report (`csis`).
///
/// A country recipient is that state and its government agencies: a marking releasable to the country
/// reaches them. An organisation or a person located in a country is not the country: it receives what is
/// releasable to it by name (or to a partnership it is a member of), never what is releasable to its country.
/// An agency named by its id is covered by its country's entries, as an agency is part of its state.
///
/// ```swift
/// let india = try Recipient.resolve("in", in: report)
/// india.country?.alpha3   // "IND"
/// india.fileStem          // "IND": the file name `-o DIR` writes for it
/// ```
public struct Recipient: Sendable, Hashable {
    /// What the user wrote.
    public let input: String
    /// The recipient's country, if it has one (for an organisation or a person, where it is located).
    public let country: CountryCode?
    /// The actor ids the recipient is: the state actors of its country, or the one actor named. (An entry naming
    /// one agency reaches that agency only, not its whole country.)
    public let actorIDs: Set<String>
    /// The country whose releasable-to entries reach the recipient: its own for a country, a state or an
    /// agency; `nil` for an organisation, a person or a threat actor, who must be named.
    public let coveredCountry: CountryCode?

    /// The file name stem for `-o DIR`: the alpha-3 code, or the actor id.
    public var fileStem: String { isCountry ? (country?.alpha3 ?? input) : (actorIDs.first ?? input) }

    private let isCountry: Bool

    /// Resolves `text` as an ISO alpha-2/alpha-3 code or an actor id, case-insensitively.
    /// - Throws: ``ExportError`` `.usage` when it is neither, or names a partnership, with a hint.
    public static func resolve(_ text: String, in report: ThreatReport) throws -> Recipient {
        let lower = text.lowercased()
        let actor = report.actors.first { $0.id == lower }
        let code = (text.count == 2 || text.count == 3) && text.allSatisfy(\.isLetter) ? CountryCode(text) : nil
        // A state named by its id is the same recipient as its country code.
        if let code, actor == nil || text == text.uppercased() || (actor?.kind == .state && actor?.country == code) {
            return country(code, in: report, input: text)
        }
        if let actor { return Self.actor(actor, in: report, input: text) }
        if report.partnerships.contains(where: { $0.id == lower }) {
            // A partnership is not one recipient: its members may each receive something different, and
            // writing the intersection under the partnership's name would suggest a release nobody decided.
            throw ExportError(
                .usage,
                "'\(text)' is a partnership, not a recipient: each member may receive something different; "
                    + "use --for-members \(lower) -o DIR/ to write one file per member")
        }
        let hint = Suggestion.nearest(to: lower, in: report.actors.map(\.id)).map { "did you mean '\($0)'?" }
            ?? "give an ISO 3166-1 country code (IND, JP) or the id of an actor in the report"
        throw ExportError(.usage, "unknown recipient '\(text)': \(hint)")
    }

    /// The recipient an actor is: its country for a state, else the actor itself.
    private static func actor(_ actor: Actor, in report: ThreatReport, input: String) -> Recipient {
        if actor.kind == .state, let country = actor.country { return Self.country(country, in: report, input: input) }
        let covered = actor.kind == .agency ? actor.country : nil
        return Recipient(input: input, country: actor.country, actorIDs: [actor.id], coveredCountry: covered, isCountry: false)
    }

    private static func country(_ code: CountryCode, in report: ThreatReport, input: String) -> Recipient {
        let states = report.actors.filter { $0.kind == .state && $0.country == code }.map(\.id)
        return Recipient(input: input, country: code, actorIDs: Set(states), coveredCountry: code, isCountry: true)
    }

    /// The members of a partnership, each as a recipient, at the report's date (for `--for-members`).
    public static func members(of partnershipID: String, in report: ThreatReport) throws -> [Recipient] {
        guard report.partnerships.contains(where: { $0.id == partnershipID.lowercased() }) else {
            throw ExportError(.usage, "no partnership has the id '\(partnershipID)'")
        }
        let audience = Audience.expand(partnershipID.lowercased(), in: report)
        // Each member by identity, not by its id read as text: an actor whose id looks like a country code
        // (an imported `IND`) is that actor, not the country.
        let actors = Dictionary(report.actors.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return audience.actorIDs.sorted().compactMap { id in actors[id].map { actor($0, in: report, input: id) } }
    }

    private init(input: String, country: CountryCode?, actorIDs: Set<String>, coveredCountry: CountryCode?, isCountry: Bool) {
        self.input = input
        self.country = country
        self.actorIDs = actorIDs
        self.coveredCountry = coveredCountry
        self.isCountry = isCountry
    }
}
