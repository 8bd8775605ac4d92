/// Applies the sharing rule to one marking for one recipient.
///
/// An item goes to the recipient when its TLP is CLEAR, or when the recipient is in its expanded
/// releasable-to list. TLP:RED goes only to recipients named directly (their id or country code literally in
/// the list), never through a partnership.
struct MarkingVerdict {
    let recipient: Recipient
    let index: ReportIndex
    let published: PartialDate
    private var audiences: [String: Audience] = [:]

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
        if marking.tlp == .clear { return (true, "TLP:CLEAR") }
        let listed = marking.releasableTo.map(\.text).joined(separator: ", ")
        let label = marking.tlp.label
        guard !marking.releasableTo.isEmpty else {
            return (false, "\(label) with no releasable-to list reaches nobody outside the producer")
        }
        for entry in marking.releasableTo {
            switch entry {
            case .country(let code) where code == recipient.country:
                return (true, "\(label), releasable to \(code.alpha3)")
            case .party(let id) where recipient.actorIDs.contains(id):
                return (true, "\(label), releasable to \(id)")
            case .party(let id) where marking.tlp != .red && index.partnerships[id] != nil:
                if audience(of: id).includes(recipient) {
                    return (true, "\(label), releasable to \(id), of which \(recipient.fileStem) is a member on \(published)")
                }
            case .party(let id) where marking.tlp != .red:
                if let actor = index.actors[id], actor.kind == .state, actor.country == recipient.country {
                    return (true, "\(label), releasable to \(id)")
                }
            default:
                continue
            }
        }
        if marking.tlp == .red {
            return (false, "TLP:RED goes only to recipients named directly; releasable to \(listed)")
        }
        return (false, "\(label), releasable to \(listed); \(recipient.fileStem) is not among them on \(published)")
    }
}
