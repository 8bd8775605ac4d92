public import ExportCore

/// A format's own settings from the command line, with the defaults `exportctl export` uses without options.
///
/// Each format declares one type (`STIX12FormatOptions`), and only that format reads it.
public protocol FormatOptionSet: Sendable {
    /// The settings when the command line gives none.
    init()
}

/// The options of every format for one run, each format's kept under its own ``FormatOptionSet`` type, plus
/// the one setting all XML writers share.
///
/// ```swift
/// var options = FormatOptions()
/// options[MISPFormatOptions.self].events = .perReport
/// options.validatesOutput = false
/// ```
public struct FormatOptions: Sendable {
    /// Whether XML formats validate against their schema before the first byte goes out (`--no-validate`).
    public var validatesOutput: Bool = true
    /// The bounds on untrusted input that validators apply (`--max-input-bytes` and the others).
    public var limits: InputLimits = .default
    private var sets: [ObjectIdentifier: any FormatOptionSet] = [:]

    /// The options `exportctl export` uses when given none.
    public static let `default` = FormatOptions()

    /// Creates default options.
    public init() {}

    /// One format's options; its defaults until set.
    public subscript<Set: FormatOptionSet>(_ type: Set.Type) -> Set {
        get { sets[ObjectIdentifier(type)] as? Set ?? Set() }
        set { sets[ObjectIdentifier(type)] = newValue }
    }
}
