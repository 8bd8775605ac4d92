/// Settings from the command line that readers may read.
public struct ImportSettings: Sendable, Hashable {
    /// Bounds on the input.
    public var limits: InputLimits = .default
    /// Whether invalid imported objects are dropped (and listed) instead of failing the run.
    public var dropsInvalid: Bool = false
    /// Whether the checks also warn where a marking may not say what the author means for sharing (a
    /// GREEN or AMBER marking with no list, a release to a threat actor): what `exportctl lint` asks for.
    public var sharingHints: Bool = false
    /// Whether a STIX 2.0 document is read as STIX 2.1 (`--upgrade`), each change listed as a note, instead of
    /// being refused.
    public var upgradesSTIX20: Bool = false

    /// The settings used when the command line gives none.
    public static let `default` = ImportSettings()

    /// Creates default settings.
    public init() {}
}
