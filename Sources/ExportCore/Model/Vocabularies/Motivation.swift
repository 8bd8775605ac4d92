/// STIX 2.1 `attack-motivation-ov`.
public struct Motivation: OpenVocabulary {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public static let accidental: Self = "accidental"
    public static let coercion: Self = "coercion"
    public static let dominance: Self = "dominance"
    public static let ideology: Self = "ideology"
    public static let notoriety: Self = "notoriety"
    public static let organizationalGain: Self = "organizational-gain"
    public static let personalGain: Self = "personal-gain"
    public static let personalSatisfaction: Self = "personal-satisfaction"
    public static let revenge: Self = "revenge"
    public static let unpredictable: Self = "unpredictable"

    public static let known: [Self] = [
        .accidental,
        .coercion,
        .dominance,
        .ideology,
        .notoriety,
        .organizationalGain,
        .personalGain,
        .personalSatisfaction,
        .revenge,
        .unpredictable,
    ]
}
