/// What kind of activity an indicator points at (STIX 2.1 `indicator-type-ov`).
public struct IndicatorType: OpenVocabulary {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public static let maliciousActivity: Self = "malicious-activity"

    public static let known: [Self] = [
        "anomalous-activity", "anonymization", "benign", "compromised", "malicious-activity", "attribution", "unknown",
    ]
}
