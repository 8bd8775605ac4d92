/// A STIX-style open vocabulary: known values as static members, unknown values kept as written.
///
/// Conforming types are small structs rather than enums so that a value exportctl does not know
/// survives a round trip unchanged.
///
/// ```swift
/// let type: ThreatActorType = "nation-state"
/// type == .nationState          // true
/// ThreatActorType("cyber-mercenary").isKnown   // false, but kept
/// ```
public protocol OpenVocabulary: RawRepresentable, Hashable, Sendable, Comparable, ExpressibleByStringLiteral,
    CustomStringConvertible
where RawValue == String {
    /// The values the governing specification lists.
    static var known: [Self] { get }
    /// Creates a value from its raw string.
    init(_ rawValue: String)
}

extension OpenVocabulary {
    /// Creates a value from its raw string.
    public init(rawValue: String) { self.init(rawValue) }
    /// Creates a value from a string literal.
    public init(stringLiteral value: String) { self.init(value) }
    /// Whether the governing specification lists this value.
    public var isKnown: Bool { Self.known.contains(self) }
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
