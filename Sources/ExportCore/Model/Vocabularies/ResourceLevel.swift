/// STIX 2.1 `attack-resource-level-ov`.
public struct ResourceLevel: OpenVocabulary {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public static let individual: Self = "individual"
    public static let club: Self = "club"
    public static let contest: Self = "contest"
    public static let team: Self = "team"
    public static let organization: Self = "organization"
    public static let government: Self = "government"

    public static let known: [Self] = [
        .individual,
        .club,
        .contest,
        .team,
        .organization,
        .government,
    ]
}
