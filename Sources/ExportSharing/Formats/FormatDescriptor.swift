public import ExportCore

/// Everything exportctl knows about one format: its name, its file extension, and which of writing, reading
/// and validating it does. Each format target declares one (`FormatDescriptor.stix21` in `FormatSTIX21`), and
/// the registry (`FormatRegistry.all` in `Export`) lists them; nothing else names a format.
///
/// ```swift
/// var sink = MemorySink()
/// var options = FormatOptions()
/// options[STIX21FormatOptions.self].profile = .opencti
/// let summary = try FormatDescriptor.stix21.writer?.write(view, options: options, to: &sink)
/// ```
public struct FormatDescriptor: Sendable {
    /// The name used on the command line and in reports (`stix21`, `report-xml`).
    public let name: String
    /// The file extension for `-o DIR` outputs, without the dot.
    public let fileExtension: String
    /// One line for `--help`.
    public let summary: String
    /// How the format is written, when exportctl writes it.
    public let writer: Writer?
    /// How the format is read into a report, when exportctl imports it.
    public let reader: Reader?
    /// How a document of this format is checked by `exportctl validate`.
    public let validator: Validator?

    /// Declares a format.
    public init(
        name: String, fileExtension: String, summary: String,
        writer: Writer? = nil, reader: Reader? = nil, validator: Validator? = nil
    ) {
        self.name = name
        self.fileExtension = fileExtension
        self.summary = summary
        self.writer = writer
        self.reader = reader
        self.validator = validator
    }
}

extension FormatDescriptor {
    /// Renders a released report.
    public struct Writer: Sendable {
        /// Whether the writer advances ``ProgressMeter/current`` once per top-level object; a format that does
        /// not shows no progress line rather than one stuck at 0 %.
        public let countsProgress: Bool
        private let name: String
        private let render: @Sendable (ReleasedReport, FormatOptions, inout any ByteSink) throws -> ExportSummary

        /// Declares how a format is written; `render` reads its own options from the ``FormatOptions``.
        public init(
            name: String, countsProgress: Bool = false,
            render: @escaping @Sendable (ReleasedReport, FormatOptions, inout any ByteSink) throws -> ExportSummary
        ) {
            self.name = name
            self.countsProgress = countsProgress
            self.render = render
        }

        /// Renders a view with the given options.
        /// - Throws: ``ExportError``: `.io` when the sink fails, `.invalidInput` when the view cannot be rendered.
        public func write(_ view: ReleasedReport, options: FormatOptions, to sink: inout any ByteSink) throws
            -> ExportSummary
        {
            if countsProgress {
                // Only the STIX 2.1 writer counts progress, and it advances once per indicator, observable, malware
                // and tool as well as per object.
                let total = view.report.objectCount + view.report.detectionObjectCount
                ProgressMeter.current?.begin("writing \(name)", unit: .objects, total: total)
            }
            return try render(view, options, &sink)
        }
    }

    /// Reads a document into a report.
    public struct Reader: Sendable {
        /// Whether a document with this structure is of this format.
        public let recognises: @Sendable (_ sample: InputSample) -> Bool
        /// Whether the format takes any document the others do not (the authoring format reads any YAML), so
        /// it is tried last.
        public let isFallback: Bool
        /// Reads the bytes into a report, with every finding located in the input.
        public let read: @Sendable (_ bytes: [UInt8], _ file: String, _ settings: ImportSettings) -> ImportResult

        /// Declares how a format is read.
        public init(
            recognises: @escaping @Sendable (InputSample) -> Bool, isFallback: Bool = false,
            read: @escaping @Sendable ([UInt8], String, ImportSettings) -> ImportResult
        ) {
            self.recognises = recognises
            self.isFallback = isFallback
            self.read = read
        }
    }

    /// Checks a document and returns every finding (an empty list means valid).
    public struct Validator: Sendable {
        /// Whether a document with this structure is of this format.
        public let recognises: @Sendable (_ sample: InputSample) -> Bool
        /// Whether the format takes any document the others do not, so it is tried last.
        public let isFallback: Bool
        /// Checks one document with the given options.
        public let validate: @Sendable (_ input: ValidationInput, _ options: FormatOptions) throws -> [Diagnostic]

        /// Declares how a format is checked.
        public init(
            recognises: @escaping @Sendable (InputSample) -> Bool, isFallback: Bool = false,
            validate: @escaping @Sendable (ValidationInput, FormatOptions) throws -> [Diagnostic]
        ) {
            self.recognises = recognises
            self.isFallback = isFallback
            self.validate = validate
        }
    }
}
