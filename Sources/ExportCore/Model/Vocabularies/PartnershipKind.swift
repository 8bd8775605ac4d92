/// What kind of arrangement a partnership is: exportctl's own open vocabulary.
public struct PartnershipKind: OpenVocabulary {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public static let alliance: Self = "alliance"
    public static let multilateralDialogue: Self = "multilateral-dialogue"
    public static let trilateral: Self = "trilateral"
    public static let bilateral: Self = "bilateral"
    public static let initiative: Self = "initiative"
    public static let agreement: Self = "agreement"

    public static let known: [Self] = [
        .alliance,
        .multilateralDialogue,
        .trilateral,
        .bilateral,
        .initiative,
        .agreement,
    ]
}
