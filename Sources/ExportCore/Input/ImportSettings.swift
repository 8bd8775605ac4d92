/// Settings from the command line that readers may read.
public struct ImportSettings: Sendable, Hashable {
    /// Bounds on the input.
    public var limits: InputLimits = .default
    /// Whether invalid imported objects are dropped (and listed) instead of failing the run.
    public var dropsInvalid: Bool = false
    /// Whether the checks also warn where a marking may not say what the author means for sharing (a
    /// GREEN or AMBER marking with no list, a release to a threat actor): what `exportctl lint` asks for.
    public var sharingHints: Bool = false

    /// The settings used when the command line gives none.
    public static let `default` = ImportSettings()

    /// Creates default settings.
    public init() {}
}
