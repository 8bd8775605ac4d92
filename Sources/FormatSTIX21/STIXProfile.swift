import ExportCore

/// Which consumer a STIX 2.1 bundle is tuned for, beyond strictly valid STIX 2.1.
///
/// The default output is strictly valid STIX 2.1 that OpenCTI and misp-stix import as meant. A profile adds
/// what one platform needs that the specification has no place for, as properties stix2-validator's strict
/// mode would flag, so it is opt-in (`exportctl export --profile opencti`).
///
/// ```swift
/// var options = STIX21Writer.Options.default
/// options.profile = .opencti
/// ```
public struct STIXProfile: RawRepresentable, Sendable, Hashable {
    /// The profile's name on the command line.
    public let rawValue: String

    /// Creates a profile from its name; `nil` for a name exportctl does not know.
    public init?(rawValue: String) {
        guard Self.all.map(\.rawValue).contains(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    private init(known rawValue: String) { self.rawValue = rawValue }

    /// Strictly valid STIX 2.1 (the default).
    public static let standard = STIXProfile(known: "standard")

    /// OpenCTI: incidents also carry top-level `first_seen`/`last_seen` (the only incident dates pycti reads),
    /// and exportctl's releasability markings carry `x_opencti_definition_type`/`x_opencti_definition` (OpenCTI
    /// knows no ACS 3.0 and would otherwise file them as statements).
    public static let opencti = STIXProfile(known: "opencti")

    /// Every profile, default first.
    public static let all: [STIXProfile] = [.standard, .opencti]
}
