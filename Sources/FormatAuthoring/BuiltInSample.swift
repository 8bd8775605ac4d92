public import ExportCore

/// A report that ships inside exportctl, for trying every command without a file of one's own.
///
/// ```swift
/// let sample = try #require(SampleScenario.named("volt-typhoon-2023"))
/// let report = try sample.report()
/// report.indicators.count   // 12
/// ```
public struct BuiltInSample: Sendable {
    /// The name `exportctl sample NAME` takes.
    public let name: String
    /// One line for `exportctl sample --list`.
    public let summary: String

    /// The name diagnostics use for it: its path in the repository.
    public var fileName: String { "Scenario/\(name).yaml" }

    /// The report as YAML, exactly as the repository's file holds it.
    public var yaml: String { EmbeddedResources.files[fileName] ?? "" }

    /// The report as a model.
    /// - Throws: ``ExportError`` `.internal` if the embedded sample does not lint clean (a build defect).
    public func report() throws -> ThreatReport {
        let result = AuthoringReader.read(Array(yaml.utf8), file: fileName)
        guard let report = result.report, !result.diagnostics.hasErrors else {
            throw ExportError(.internal, "the built-in sample \(name) is invalid", diagnostics: result.diagnostics)
        }
        return report
    }
}
