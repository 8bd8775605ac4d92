import ExportCore

/// Applies the sharing rule to one marking for one recipient.
///
/// An item goes to the recipient when its TLP is CLEAR, or when the recipient is in its expanded
/// releasable-to list. TLP:RED goes only to recipients named directly (their id or country code literally in
/// the list), never through a partnership. A marking with anything exportctl does not understand releases
/// nothing, whatever its TLP.
struct MarkingVerdict {
    let recipient: Recipient
    let index: ReportIndex
    let published: PartialDate
    private var audiences: [String: Audience] = [:]
    /// Decisions by marking: most items share a handful of markings, and a list of thousands of entries
    /// would otherwise be walked once per item.
    private var decided: [Marking: (isReleased: Bool, rule: String)] = [:]
    /// The last decision: most items in a row carry the same marking (the report default), and comparing a
    /// marking with the one before is constant time when they share storage, where hashing it walks its list.
    private var last: (marking: Marking, verdict: (isReleased: Bool, rule: String))?

    init(recipient: Recipient, index: ReportIndex, published: PartialDate) {
        self.recipient = recipient
        self.index = index
        self.published = published
    }

    mutating func audience(of id: String) -> Audience {
        if let known = audiences[id] { return known }
        let audience = Audience.expand(id, index: index, published: published)
        audiences[id] = audience
        return audience
    }

    /// Whether the marking releases to the recipient, and why.
    mutating func decide(_ marking: Marking?) -> (isReleased: Bool, rule: String) {
        guard let marking else { return (false, "no marking, and the report has no default (see --default-marking)") }
        if let last, last.marking == marking { return last.verdict }
        let verdict = decided[marking] ?? decideAnew(marking)
        decided[marking] = verdict
        last = (marking, verdict)
        return verdict
    }

    private mutating func decideAnew(_ marking: Marking) -> (isReleased: Bool, rule: String) {
        if let unknown = marking.notUnderstood.first {
            let more = marking.notUnderstood.count > 1 ? " (and \(marking.notUnderstood.count - 1) more)" : ""
            return (false, "marked with \(unknown)\(more), which exportctl does not understand; it releases nothing")
        }
        if marking.tlp == .clear { return (true, "TLP:CLEAR") }
        let label = marking.tlp.label
        guard !marking.releasableTo.isEmpty else {
            return (false, "\(label) with no releasable-to list reaches nobody outside the producer")
        }
        for entry in marking.releasableTo {
            switch entry {
            case .country(let code) where code == recipient.coveredCountry:
                return (true, "\(label), releasable to \(code.alpha3)")
            case .party(let id) where recipient.actorIDs.contains(id):
                return (true, "\(label), releasable to \(id)")
            case .party(let id) where marking.tlp != .red && index.partnerships[id] != nil:
                if let member = audience(of: id).inclusion(of: recipient) {
                    return (true, "\(label), releasable to \(id), whose certain members on \(published) include \(member)")
                }
            case .party(let id) where marking.tlp != .red:
                if let actor = index.actors[id], actor.kind == .state, let country = actor.country,
                    country == recipient.coveredCountry
                {
                    return (true, "\(label), releasable to \(id) (\(country.alpha3))")
                }
            default:
                continue
            }
        }
        let listed = Self.summary(of: marking.releasableTo)
        if marking.tlp == .red {
            return (false, "TLP:RED goes only to recipients named directly; releasable to \(listed)")
        }
        return (false, "\(label), releasable to \(listed); \(recipient.fileStem) is not among them on \(published)")
    }

    /// The list as an analyst reads it: a long list is cut after ten entries, so a rule stays one line.
    static func summary(of entries: [Releasee]) -> String {
        let shown = entries.prefix(10).map(\.text).joined(separator: ", ")
        return entries.count > 10 ? "\(shown) and \(entries.count - 10) more" : shown
    }
}
