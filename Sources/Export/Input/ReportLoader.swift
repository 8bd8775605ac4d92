/// Reads a report from a file, standard input or the built-in scenario, whatever its format.
///
/// ```swift
/// let loaded = try ReportLoader.load(path: "report.yaml")
/// if loaded.diagnostics.hasErrors { ... }
/// ```
public enum ReportLoader {
    /// Reads `path` (`-` for standard input; `nil` for the built-in scenario) in the format given or recognised.
    /// - Throws: ``ExportError`` `.io` when the file cannot be read; `.invalidInput` when no format recognises it.
    public static func load(path: String?, format: InputFormat? = nil, settings: ImportSettings = .default) throws
        -> ImportResult
    {
        guard let path else {
            let bytes = Array(SampleScenario.yaml.utf8)
            return InputFormat.authoring.read(bytes, SampleScenario.fileName, settings)
        }
        let (bytes, name) = try InputFile.read(path, limits: settings.limits)
        guard let format = format ?? InputFormat.recognising(bytes) else {
            throw ExportError(
                .invalidInput, "\(name): unrecognised format",
                diagnostics: [
                    Diagnostic(
                        .error, "unrecognised input format", at: SourceLocation(file: name, line: 1, column: 1),
                        hint: "pass --input-format or --schema")
                ])
        }
        return format.read(bytes, name, settings)
    }
}
