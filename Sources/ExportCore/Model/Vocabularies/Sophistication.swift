/// STIX 2.1 `threat-actor-sophistication-ov`.
public struct Sophistication: OpenVocabulary {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public static let none: Self = "none"
    public static let minimal: Self = "minimal"
    public static let intermediate: Self = "intermediate"
    public static let advanced: Self = "advanced"
    public static let expert: Self = "expert"
    public static let innovator: Self = "innovator"
    public static let strategic: Self = "strategic"

    public static let known: [Self] = [
        .none,
        .minimal,
        .intermediate,
        .advanced,
        .expert,
        .innovator,
        .strategic,
    ]
}
