/// How one marking definition of another producer's file reads: a TLP level, a releasable-to list, or
/// something exportctl does not understand.
///
/// An object carries several definitions at once (TLP:AMBER and an ACS marking releasable to USA and GBR);
/// ``Marking/init(combining:)`` turns them into the one ``Marking`` the sharing rule decides on.
public struct MarkingDefinition: Sendable, Hashable {
    /// The TLP level it sets, if it is a TLP marking.
    public var tlp: TLP?
    /// The list it releases to, if it restricts by nationality; `nil` when it sets no list.
    public var releasableTo: [Releasee]?
    /// Why exportctl does not understand it, for the analyst; `nil` when it does.
    public var notUnderstood: String?
    /// Whether the list is exportctl's own record of an authored marking, read back exactly as written (a
    /// CLEAR item with a list stays CLEAR); a foreign list (ACS) always restricts.
    public var isAuthored: Bool = false
    /// For a vendor's TLP definition under its own id (OpenCTI's TLP:CLEAR, TLP:AMBER+STRICT), read as its
    /// level: which definition it is, for the warning that says so.
    public var variant: String? = nil

    /// A definition exportctl understands.
    public init(tlp: TLP? = nil, releasableTo: [Releasee]? = nil, isAuthored: Bool = false) {
        self.tlp = tlp
        self.releasableTo = releasableTo
        self.isAuthored = isAuthored
    }

    /// A definition exportctl does not understand, and why.
    public init(notUnderstood reason: String) {
        self.notUnderstood = reason
    }
}

extension Marking {
    /// The marking an item carries under several definitions at once; `nil` for none.
    ///
    /// Every definition applies, so the result is the strictest reading: the highest TLP; the entries every
    /// list shares (two lists with nothing in common leave nobody); anything not understood kept, so that
    /// it releases nothing. A list without a TLP level reads as TLP:AMBER, as ACS releasability does.
    ///
    /// ```swift
    /// Marking(combining: [MarkingDefinition(tlp: .green), MarkingDefinition(releasableTo: [.country(usa)])])
    /// // TLP:GREEN, releasable to USA
    /// ```
    public init?(combining definitions: [MarkingDefinition]) {
        guard !definitions.isEmpty else { return nil }
        var tlp: TLP?
        var list: [Releasee]?
        var unknown: [String] = []
        // A set beside the ordered list: a crafted object may carry hundreds of thousands of refs.
        var seenReasons: Set<String> = []
        for definition in definitions {
            if let level = definition.tlp { tlp = max(tlp ?? level, level) }
            if let entries = definition.releasableTo {
                if let current = list {
                    let kept = Set(entries)
                    list = current.filter(kept.contains)
                } else {
                    list = entries
                }
            }
            if let reason = definition.notUnderstood, seenReasons.insert(reason).inserted { unknown.append(reason) }
        }
        if let list, list.isEmpty, definitions.contains(where: { $0.releasableTo != nil }) {
            // Lists with no entry in common: nobody may receive it.
            self.init(tlp: .red, notUnderstood: unknown)
            return
        }
        // A list always restricts: with TLP:CLEAR (which alone would release to everyone) the list decides, as
        // it does for GREEN. Reading CLEAR + "releasable to GBR" as public would let a default widen a release.
        var level = tlp ?? (list == nil ? .red : .amber)
        if level == .clear, definitions.contains(where: { $0.releasableTo != nil && !$0.isAuthored }) { level = .green }
        self.init(tlp: level, releasableTo: list ?? [], notUnderstood: unknown)
    }
}
