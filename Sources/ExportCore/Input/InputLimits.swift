/// Bounds on untrusted input, so that no file can exhaust memory or time.
///
/// The defaults let a 1,000,000-object corpus through and stop every bomb the tests throw. YAML anchors and
/// aliases have no limit to set: authoring documents refuse them outright, so an alias bomb never expands.
/// Each limit has a command-line option (`--max-input-bytes`, `--max-depth`, `--max-string-bytes`,
/// `--max-objects`).
public struct InputLimits: Sendable, Hashable {
    /// The largest input file, in bytes.
    public var maxInputBytes: Int = 4 << 30
    /// The deepest nesting of lists and mappings.
    public var maxDepth: Int = 128
    /// The longest single string or scalar, in bytes.
    public var maxScalarBytes: Int = 16 << 20
    /// The most objects in one input.
    public var maxObjects: Int = 10_000_000

    /// The limits used unless the command line says otherwise.
    public static let `default` = InputLimits()

    /// Creates the default limits.
    public init() {}
}
