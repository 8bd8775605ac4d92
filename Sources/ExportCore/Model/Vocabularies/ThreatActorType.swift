/// STIX 2.1 `threat-actor-type-ov` (with Errata 01's `private-sector`).
public struct ThreatActorType: OpenVocabulary {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public static let activist: Self = "activist"
    public static let competitor: Self = "competitor"
    public static let crimeSyndicate: Self = "crime-syndicate"
    public static let criminal: Self = "criminal"
    public static let hacker: Self = "hacker"
    public static let insiderAccidental: Self = "insider-accidental"
    public static let insiderDisgruntled: Self = "insider-disgruntled"
    public static let nationState: Self = "nation-state"
    public static let privateSector: Self = "private-sector"
    public static let sensationalist: Self = "sensationalist"
    public static let spy: Self = "spy"
    public static let terrorist: Self = "terrorist"
    public static let unknown: Self = "unknown"

    public static let known: [Self] = [
        .activist,
        .competitor,
        .crimeSyndicate,
        .criminal,
        .hacker,
        .insiderAccidental,
        .insiderDisgruntled,
        .nationState,
        .privateSector,
        .sensationalist,
        .spy,
        .terrorist,
        .unknown,
    ]
}
