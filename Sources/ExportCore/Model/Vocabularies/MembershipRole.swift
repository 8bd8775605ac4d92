/// A member's role in a partnership: exportctl's own open vocabulary.
public struct MembershipRole: OpenVocabulary {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public static let member: Self = "member"
    public static let foundingMember: Self = "founding-member"
    public static let lead: Self = "lead"
    public static let observer: Self = "observer"
    public static let beneficiary: Self = "beneficiary"

    public static let known: [Self] = [.member, .foundingMember, .lead, .observer, .beneficiary]
}
