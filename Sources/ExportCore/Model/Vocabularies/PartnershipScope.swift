/// What a partnership covers: exportctl's own open vocabulary.
public struct PartnershipScope: OpenVocabulary {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public static let intelligenceSharing: Self = "intelligence-sharing"
    public static let cyberDefence: Self = "cyber-defence"
    public static let satelliteData: Self = "satellite-data"
    public static let maritimeDomainAwareness: Self = "maritime-domain-awareness"
    public static let informationProtection: Self = "information-protection"
    public static let militaryCooperation: Self = "military-cooperation"
    public static let capacityBuilding: Self = "capacity-building"

    public static let known: [Self] = [
        .intelligenceSharing,
        .cyberDefence,
        .satelliteData,
        .maritimeDomainAwareness,
        .informationProtection,
        .militaryCooperation,
        .capacityBuilding,
    ]
}
