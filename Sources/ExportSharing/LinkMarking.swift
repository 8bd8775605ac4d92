public import ExportCore

/// The marking a link (attribution, target, support, sponsorship, membership) travels with.
///
/// A link with its own marking keeps it. A link without one reaches only those who may see both of its
/// ends, so it takes the stricter of the two ends' effective markings: the higher TLP level, and the
/// releasable-to entries both ends share. The sharing layer labels every link with this rule once
/// (``Link/label``, set by `ThreatReport.labelLinks` when a ``ReleasedReport`` is built), and in a recipient's view
/// a link's own marking is narrowed by its ends too. Writers write that label; none decides what a link releases.
/// MISP alone also keeps a link no wider than either end when it chooses which object stores it
/// (`MISPContext.linkMarking`, over sharing-group members): a question of where the link sits in an event, asked
/// after the policy has released it. The STIX 2.1 reader uses ``stricter(_:_:)`` to name the marking a partner's
/// relationship inherited.
///
/// ```swift
/// let amber = Marking(tlp: .amber)
/// let green = Marking(tlp: .green, releasableTo: [.party("five-eyes")])
/// LinkMarking.effective(own: nil, from: amber, to: green)   // TLP:AMBER, releasable to five-eyes
/// ```
public enum LinkMarking {
    /// The link's own marking, or the stricter of its ends' markings when it has none.
    public static func effective(own: Marking?, from: Marking?, to: Marking?) -> Marking? {
        own ?? stricter(from, to)
    }

    /// The stricter of two markings; `nil` stands for "unmarked" and yields to any marking.
    ///
    /// Releasable-to lists combine by intersection: an empty list means "the TLP level alone decides",
    /// so it yields to the other list. Two lists with no entry in common leave no common recipient; the
    /// result is then TLP:RED with no list, the narrowest marking there is.
    public static func stricter(_ first: Marking?, _ second: Marking?) -> Marking? {
        guard let first else { return second }
        guard let second else { return first }
        if first == second { return first }  // constant time when both are the report default (shared storage)
        let tlp = max(first.tlp, second.tlp)
        // What either end does not understand stays with the link: it releases nothing either way.
        let firstReasons = Set(first.notUnderstood)
        let unknown = first.notUnderstood + second.notUnderstood.filter { !firstReasons.contains($0) }
        if first.releasableTo.isEmpty { return Marking(tlp: tlp, releasableTo: second.releasableTo, notUnderstood: unknown) }
        if second.releasableTo.isEmpty { return Marking(tlp: tlp, releasableTo: first.releasableTo, notUnderstood: unknown) }
        let secondEntries = Set(second.releasableTo)
        let common = first.releasableTo.filter(secondEntries.contains)
        return common.isEmpty
            ? Marking(tlp: .red, notUnderstood: unknown) : Marking(tlp: tlp, releasableTo: common, notUnderstood: unknown)
    }
}
