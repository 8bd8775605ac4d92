import ExportCore

/// The STIX 2.1 open vocabularies (with Errata 01) and the relationship types exportctl knows.
enum STIXVocabularies {
    /// Open-vocabulary properties: object type (`nil` = any), property, and the suggested values.
    static let properties: [(type: String?, property: String, values: Set<String>)] = [
        ("identity", "identity_class", ["individual", "group", "system", "organization", "class", "unknown"]),
        (nil, "sectors", Set(IndustrySector.known.map(\.rawValue))),
        (nil, "threat_actor_types", Set(ThreatActorType.known.map(\.rawValue))),
        ("threat-actor", "roles", [
            "agent", "director", "independent", "infrastructure-architect", "infrastructure-operator",
            "malware-author", "sponsor",
        ]),
        (nil, "sophistication", Set(Sophistication.known.map(\.rawValue))),
        (nil, "resource_level", Set(ResourceLevel.known.map(\.rawValue))),
        (nil, "primary_motivation", Set(Motivation.known.map(\.rawValue))),
        (nil, "secondary_motivations", Set(Motivation.known.map(\.rawValue))),
        (nil, "personal_motivations", Set(Motivation.known.map(\.rawValue))),
        ("report", "report_types", [
            "attack-pattern", "campaign", "identity", "incident", "indicator", "intrusion-set", "malware",
            "observed-data", "threat-actor", "threat-report", "tool", "vulnerability",
        ]),
        ("location", "region", Set(Region.known.map(\.rawValue))),
        ("grouping", "context", ["suspicious-activity", "malware-analysis", "unspecified"]),
    ]

    /// ``properties`` by property name (each property is listed once).
    static let byProperty: [String: (type: String?, values: Set<String>)] = Dictionary(
        properties.map { ($0.property, ($0.type, $0.values)) }, uniquingKeysWith: { first, _ in first })

    /// The vocabulary of a property, when it has one. Every member of every object is asked, and most are not
    /// vocabulary properties: their length rules them out before the key is hashed for the dictionary (a
    /// lookup per member was an eighth of the rules' time).
    static func vocabulary(forProperty key: String) -> (type: String?, values: Set<String>)? {
        let length = key.utf8.count
        guard length < 64, propertyLengths & (1 << length) != 0 else { return nil }
        return byProperty[key]
    }

    /// Bit n is set when a vocabulary property is n bytes long.
    private static let propertyLengths: UInt64 = properties.reduce(0) { $0 | 1 << $1.property.utf8.count }

    /// Relationship types: the spec's (Appendix B and the SDO sections), the Incident extension suite's,
    /// and exportctl's own (documented in `Formats/STIX21/MAPPING.md`).
    static let relationshipTypes: Set<String> = [
        // common to all SROs
        "derived-from", "duplicate-of", "related-to",
        // per SDO in STIX 2.1
        "analysis-of", "attributed-to", "authored-by", "based-on", "beacons-to", "characterizes",
        "communicates-with", "compromises", "consists-of", "controls", "delivers", "downloads", "drops",
        "dynamic-analysis-of", "exfiltrates-to", "exploits", "has", "hosts", "impersonates", "indicates",
        "investigates", "located-at", "mitigates", "originates-from", "owns", "remediates",
        "static-analysis-of", "targets", "uses", "variant-of",
        // OpenCTI's, which exportctl writes for memberships (member to partnership)
        "part-of",
        // exportctl's own before 1.1 (now related-to with link_type), still read
        "member-of", "responds-to", "supports-response-to",
    ]
}
