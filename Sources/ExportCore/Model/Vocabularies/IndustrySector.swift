/// STIX 2.1 `industry-sector-ov` as amended by Errata 01.
public struct IndustrySector: OpenVocabulary {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public static let agriculture: Self = "agriculture"
    public static let aerospace: Self = "aerospace"
    public static let automotive: Self = "automotive"
    public static let chemical: Self = "chemical"
    public static let commercial: Self = "commercial"
    public static let communications: Self = "communications"
    public static let construction: Self = "construction"
    public static let defense: Self = "defense"
    public static let education: Self = "education"
    public static let energy: Self = "energy"
    public static let entertainment: Self = "entertainment"
    public static let financialServices: Self = "financial-services"
    public static let government: Self = "government"
    public static let emergencyServices: Self = "emergency-services"
    public static let governmentLocal: Self = "government-local"
    public static let governmentNational: Self = "government-national"
    public static let governmentPublicServices: Self = "government-public-services"
    public static let governmentRegional: Self = "government-regional"
    public static let healthcare: Self = "healthcare"
    public static let hospitalityLeisure: Self = "hospitality-leisure"
    public static let infrastructure: Self = "infrastructure"
    public static let dams: Self = "dams"
    public static let nuclear: Self = "nuclear"
    public static let water: Self = "water"
    public static let insurance: Self = "insurance"
    public static let legal: Self = "legal"
    public static let manufacturing: Self = "manufacturing"
    public static let mining: Self = "mining"
    public static let nonProfit: Self = "non-profit"
    public static let pharmaceuticals: Self = "pharmaceuticals"
    public static let retail: Self = "retail"
    public static let technology: Self = "technology"
    public static let telecommunications: Self = "telecommunications"
    public static let transportation: Self = "transportation"
    public static let utilities: Self = "utilities"

    public static let known: [Self] = [
        .agriculture,
        .aerospace,
        .automotive,
        .chemical,
        .commercial,
        .communications,
        .construction,
        .defense,
        .education,
        .energy,
        .entertainment,
        .financialServices,
        .government,
        .emergencyServices,
        .governmentLocal,
        .governmentNational,
        .governmentPublicServices,
        .governmentRegional,
        .healthcare,
        .hospitalityLeisure,
        .infrastructure,
        .dams,
        .nuclear,
        .water,
        .insurance,
        .legal,
        .manufacturing,
        .mining,
        .nonProfit,
        .pharmaceuticals,
        .retail,
        .technology,
        .telecommunications,
        .transportation,
        .utilities,
    ]
}
