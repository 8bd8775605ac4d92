import ExportCore
import ExportSharing
import FormatAuthoring
import FormatMISP
import FormatReportXML
import FormatSTIX12
import FormatSTIX21

/// Reads a report from a file, standard input or the built-in scenario, whatever its format.
///
/// ```swift
/// let loaded = try ReportLoader.load(path: "report.yaml")
/// if loaded.diagnostics.hasErrors { ... }
/// ```
public enum ReportLoader {
    /// Reads `path` (`-` for standard input; `nil` for the built-in scenario) in the format given or recognised;
    /// a format given that exportctl cannot read counts as none recognising the file.
    /// - Throws: ``ExportError`` `.io` when the file cannot be read; `.invalidInput` when no format recognises it.
    public static func load(path: String?, format: FormatDescriptor? = nil, settings: ImportSettings = .default) throws
        -> ImportResult
    {
        guard let path else {
            let bytes = Array(SampleScenario.yaml.utf8)
            return AuthoringReader.read(bytes, file: SampleScenario.fileName, settings: settings)
        }
        let (bytes, name) = try InputFile.read(path, limits: settings.limits)
        guard let reader = (format ?? FormatRegistry.reader(recognising: bytes))?.reader else {
            throw ExportError(
                .invalidInput, "\(name): unrecognised format",
                diagnostics: [
                    Diagnostic(
                        .error, "unrecognised input format", at: SourceLocation(file: name, line: 1, column: 1),
                        hint: "pass --input-format or --schema")
                ])
        }
        return reader.read(bytes, name, settings)
    }
}
