public import ExportCore
import ExportSharing

/// The built-in sample: the article on US intelligence partnerships in Asia (late 2023), as a report.
///
/// ```swift
/// let report = try SampleScenario.report()
/// report.partnerships.map(\.name)   // ["Five Eyes", "Quadrilateral Security Dialogue", ...]
/// ```
public enum SampleScenario {
    /// The name diagnostics use for the scenario.
    public static let fileName = "Scenario/indo-pacific-2023.yaml"

    /// The scenario as YAML, exactly as `Scenario/indo-pacific-2023.yaml` holds it.
    public static var yaml: String { EmbeddedResources.files[fileName] ?? "" }

    /// The scenario as a model.
    /// - Throws: ``ExportError`` `.internal` if the embedded scenario does not lint clean (a build defect).
    public static func report() throws -> ThreatReport {
        let result = AuthoringReader.read(Array(yaml.utf8), file: fileName)
        guard let report = result.report, !result.diagnostics.hasErrors else {
            throw ExportError(.internal, "the built-in scenario is invalid", diagnostics: result.diagnostics)
        }
        return report
    }
}
