/// What the investigation concluded (the OASIS Incident Core Extension's `determination`).
public struct IncidentDetermination: OpenVocabulary {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public static let blocked: Self = "blocked"
    public static let confirmed: Self = "confirmed"
    public static let failedAttempt: Self = "failed-attempt"
    public static let falsePositive: Self = "false-positive"
    public static let suspected: Self = "suspected"

    public static let known: [Self] = [
        .blocked,
        .confirmed,
        .failedAttempt,
        .falsePositive,
        .suspected,
    ]
}
