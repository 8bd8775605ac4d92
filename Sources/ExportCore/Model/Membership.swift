/// One member of a partnership, with its role and the dates it joined and left.
///
/// A member may itself be a partnership (the Quad inside a wider arrangement). Sharing decisions count a
/// member only if it was certainly a member on the report's date: `since` ended on or before it, and
/// `until` had not begun.
public struct Membership: Sendable {
    /// The local id of the member: an actor or a partnership.
    public var member: String
    /// The member's role in the partnership.
    public var role: MembershipRole?
    /// When the member joined.
    public var since: PartialDate?
    /// When the member left.
    public var until: PartialDate?
    /// The membership's own marking; `nil` means it reaches whoever may see both the member and the partnership.
    public var marking: Marking?
    /// The label the membership travels with (its own marking, else the stricter of the member's and the
    /// partnership's), set by the sharing layer like ``Link/label``.
    public var label: Marking? = nil
    /// Passages of the cited sources, quoted verbatim, that support this membership (its dates included): they
    /// leave with it, under its marking, and are scanned for withheld names like its description.
    public var evidence: [String] = []
    /// The STIX 2.1 object this was imported from, when another producer wrote it: the STIX writer writes
    /// it back unchanged (ids, timestamps, markings and unknown properties such as `x_mitre_*` included).
    public var imported: JSONValue? = nil

    /// Creates a membership.
    public init(
        _ member: String, role: MembershipRole? = nil, since: PartialDate? = nil, until: PartialDate? = nil,
        marking: Marking? = nil
    ) {
        self.member = member
        self.role = role
        self.since = since
        self.until = until
        self.marking = marking
    }

    /// Whether the membership widens a release on the given day: the member was certainly a member, and the
    /// membership is not TLP:RED (a RED membership is a secret of its own; counting it in an audience or a
    /// label would reveal it). Every expansion of a partnership into its members uses this one rule.
    public func counts(on day: PartialDate) -> Bool {
        isCertain(on: day) && marking?.tlp != .red
    }

    /// Whether the member was certainly a member throughout the given day.
    public func isCertain(on day: PartialDate) -> Bool {
        if let since, since.end > day.start { return false }
        if let until, until.start <= day.end { return false }
        return true
    }
}

extension Membership: Hashable {}
