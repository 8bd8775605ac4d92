/// Where an incident's handling stands (STIX 1.2 `IncidentStatusVocab-1.0`, lower-kebab-cased).
public struct IncidentStatus: OpenVocabulary {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public static let new: Self = "new"
    public static let open: Self = "open"
    public static let stalled: Self = "stalled"
    public static let containmentAchieved: Self = "containment-achieved"
    public static let restorationAchieved: Self = "restoration-achieved"
    public static let incidentReported: Self = "incident-reported"
    public static let closed: Self = "closed"
    public static let rejected: Self = "rejected"

    public static let known: [Self] = [
        .new,
        .open,
        .stalled,
        .containmentAchieved,
        .restorationAchieved,
        .incidentReported,
        .closed,
        .rejected,
    ]
}
