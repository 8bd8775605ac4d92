import ExportCore
public import ExportSharing

extension FormatDescriptor {
    /// The authoring format in canonical JSON (`--format report-json`); it reads back as ``authoring``.
    public static let reportJSON = FormatDescriptor(
        name: "report-json", fileExtension: "json",
        summary: "the authoring format as canonical JSON (lints clean, reads back)",
        writer: Writer(name: "report-json") { view, _, sink in
            try ReportJSONWriter().write(view, options: .default, to: &sink)
        }
    )

    /// The authoring format (YAML or JSON): read from any document the other formats do not claim, and
    /// validated (that is, linted) when it carries its own top-level key, `format_version`.
    public static let authoring = FormatDescriptor(
        name: "authoring", fileExtension: "yaml", summary: "the authoring format (YAML or JSON), as `exportctl sample` prints it",
        reader: Reader(recognises: { _ in true }, isFallback: true) { bytes, file, settings in
            AuthoringReader.read(bytes, file: file, settings: settings)
        },
        validator: Validator(recognises: recognisesAuthoring, isFallback: true) { input, options in
            let opened = try input.opened()
            var settings = ImportSettings.default
            settings.limits = options.limits
            let bytes = try InputFile.read(opened, limits: options.limits)
            return AuthoringReader.read(bytes, file: opened.name, settings: settings).diagnostics
        }
    )

    /// The authoring format's own top-level key (`format_version`), in a JSON object or a YAML mapping; a JSON
    /// object too broken to walk to it is judged by its first 64 KiB.
    static func recognisesAuthoring(_ sample: InputSample) -> Bool {
        if sample.topLevel["format_version"] != nil { return true }
        return sample.isBroken && sample.head.firstRange(of: Array("format_version".utf8)) != nil
    }
}
