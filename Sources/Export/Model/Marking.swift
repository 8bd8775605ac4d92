/// Who may receive an object or a link: a TLP level and an optional releasable-to list.
///
/// ```swift
/// let fiveEyesOnly = Marking(tlp: .amber, releasableTo: [.party("five-eyes")])
/// let indiaOnly = Marking(tlp: .red, releasableTo: [.country(CountryCode("IND")!)])
/// ```
public struct Marking: Sendable {
    /// The TLP 2.0 level.
    public var tlp: TLP
    /// Countries and parties the item may be released to; empty means the TLP level alone decides.
    public var releasableTo: [Releasee]

    /// Creates a marking.
    public init(tlp: TLP, releasableTo: [Releasee] = []) {
        self.tlp = tlp
        self.releasableTo = releasableTo
    }
}

extension Marking: Hashable {}
