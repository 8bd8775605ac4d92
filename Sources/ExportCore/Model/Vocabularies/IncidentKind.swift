/// What happened in an incident: exportctl's own open vocabulary.
public struct IncidentKind: OpenVocabulary {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public static let espionage: Self = "espionage"
    public static let cyberOperation: Self = "cyber-operation"
    public static let militaryIncursion: Self = "military-incursion"
    public static let unauthorisedDisclosure: Self = "unauthorised-disclosure"
    public static let illicitMaritimeActivity: Self = "illicit-maritime-activity"
    public static let smuggling: Self = "smuggling"
    public static let illegalFishing: Self = "illegal-fishing"

    public static let known: [Self] = [
        .espionage,
        .cyberOperation,
        .militaryIncursion,
        .unauthorisedDisclosure,
        .illicitMaritimeActivity,
        .smuggling,
        .illegalFishing,
    ]
}
