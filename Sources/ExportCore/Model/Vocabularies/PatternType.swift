/// The language an indicator's pattern is written in (STIX 2.1 `pattern-type-ov`); exportctl checks `stix`.
public struct PatternType: OpenVocabulary {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public static let stix: Self = "stix"

    public static let known: [Self] = ["stix", "pcre", "sigma", "snort", "suricata", "yara"]
}
