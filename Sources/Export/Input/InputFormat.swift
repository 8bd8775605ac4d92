/// A format exportctl can read a report from, registered by one line in ``all``.
public struct InputFormat: Sendable {
    /// The name used with `--input-format` (`authoring`, `stix21`, `report-xml`).
    public let name: String
    /// Whether a document with this structure is of this format; formats are tried in ``all``'s order.
    public let recognises: @Sendable (_ sample: InputSample) -> Bool
    /// Reads the bytes into a report, with every finding located in the input.
    public let read: @Sendable (_ bytes: [UInt8], _ file: String, _ settings: ImportSettings) -> ImportResult

    /// Registers a format.
    public init(
        name: String, recognises: @escaping @Sendable (InputSample) -> Bool,
        read: @escaping @Sendable ([UInt8], String, ImportSettings) -> ImportResult
    ) {
        self.name = name
        self.recognises = recognises
        self.read = read
    }

    /// Every readable format, most specific first: the authoring format comes last, as it accepts any YAML.
    public static let all: [InputFormat] = [
        .reportXML,
        .stix21,
        .authoring,
    ]

    /// The format with this name.
    public static func named(_ name: String) -> InputFormat? { all.first { $0.name == name } }

    /// The first format that recognises the bytes (see ``InputSample``).
    public static func recognising(_ bytes: [UInt8]) -> InputFormat? { recognising(InputSample(bytes: bytes)) }

    /// The first format that recognises a document with this structure.
    public static func recognising(_ sample: InputSample) -> InputFormat? { all.first { $0.recognises(sample) } }
}

/// What reading an input gave: a report when it could be built, and every finding.
public struct ImportResult: Sendable {
    /// The report; `nil` when the input was too broken to give one.
    public var report: ThreatReport?
    /// Every finding, in input order.
    public var diagnostics: [Diagnostic]

    /// Creates a result.
    public init(report: ThreatReport?, diagnostics: [Diagnostic]) {
        self.report = report
        self.diagnostics = diagnostics
    }
}

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
