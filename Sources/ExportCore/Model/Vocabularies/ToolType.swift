/// What a legitimate tool is, as an actor uses it (STIX 2.1 `tool-type-ov`).
public struct ToolType: OpenVocabulary {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public static let known: [Self] = [
        "denial-of-service", "exploitation", "information-gathering", "network-capture", "credential-exploitation",
        "remote-access", "vulnerability-scanning", "unknown",
    ]
}
