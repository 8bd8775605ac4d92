/// Reads the authoring format (YAML or JSON) into a ``ThreatReport``, reporting every problem at once.
public enum AuthoringReader {
    /// Reads a document.
    public static func read(_ bytes: [UInt8], file: String, settings: ImportSettings = .default) -> ImportResult {
        ImportResult(report: nil, diagnostics: [Diagnostic(.error, "authoring reader under construction", at: SourceLocation(file: file, line: 1, column: 1))])
    }
}

extension InputFormat {
    /// The authoring format: YAML or JSON.
    public static let authoring = InputFormat(name: "authoring", recognises: { _ in true }) { bytes, file, settings in
        AuthoringReader.read(bytes, file: file, settings: settings)
    }
}
