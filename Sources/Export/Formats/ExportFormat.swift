/// The formats `exportctl export --format` knows, each registered by one line in ``all``.
public struct ExportFormat: Sendable {
    /// The name used on the command line (`stix21`).
    public let name: String
    /// The file extension for `-o DIR` outputs, without the dot.
    public let fileExtension: String
    /// One line for `--help`.
    public let summary: String
    /// Whether the writer advances ``ProgressMeter/current`` once per top-level object; a format that does
    /// not shows no progress line rather than one stuck at 0 %.
    public let countsProgress: Bool
    private let render: @Sendable (ReleasedReport, ExportSettings, inout any ByteSink) throws -> ExportSummary

    /// Registers a format.
    public init(
        name: String, fileExtension: String, summary: String, countsProgress: Bool = false,
        render: @escaping @Sendable (ReleasedReport, ExportSettings, inout any ByteSink) throws -> ExportSummary
    ) {
        self.name = name
        self.fileExtension = fileExtension
        self.summary = summary
        self.countsProgress = countsProgress
        self.render = render
    }

    /// Renders a view with the given settings.
    public func write(_ view: ReleasedReport, settings: ExportSettings, to sink: inout any ByteSink) throws
        -> ExportSummary
    {
        // Writers that report progress count top-level objects against this total.
        if countsProgress {
            ProgressMeter.current?.begin("writing \(name)", unit: .objects, total: view.report.objectCount)
        }
        return try render(view, settings, &sink)
    }

    /// Every format, in the order `--help` lists them.
    public static let all: [ExportFormat] = [
        .stix21,
        .reportJSON,
        .reportXML,
        .stix12,
        .misp,
    ]

    /// The format with this command-line name.
    public static func named(_ name: String) -> ExportFormat? { all.first { $0.name == name } }
}

/// Settings from the command line that formats may read; each format takes what concerns it.
public struct ExportSettings: Sendable, Hashable {
    /// Whether XML formats validate against their schema before the first byte goes out.
    public var validatesOutput: Bool = true
    /// The official STIX 1.2 schema directory (`--stix12-schemas`); `nil` falls back to `EXPORTCTL_STIX12_SCHEMAS`.
    public var stix12Schemas: String?
    /// `--misp-events`: one MISP event per incident (the default) or per report.
    public var mispEvents: MISPEventMode = .perIncident
    /// `--misp-feed DIR`: also write a static MISP feed there.
    public var mispFeedDirectory: String?
    /// `--profile`: the consumer a STIX 2.1 bundle is tuned for (``STIXProfile``).
    public var stixProfile: STIXProfile = .standard

    /// The settings `exportctl export` uses when given no options.
    public static let `default` = ExportSettings()

    /// Creates default settings.
    public init() {}
}
