public import ExportCore

/// The built-in samples; the first, the article on US intelligence partnerships in Asia (late 2023), is the
/// report every command reads when given no input.
///
/// ```swift
/// let report = try SampleScenario.report()
/// report.partnerships.map(\.name)   // ["Five Eyes", "Quadrilateral Security Dialogue", ...]
/// SampleScenario.all.map(\.name)    // ["indo-pacific-2023", "volt-typhoon-2023"]
/// ```
public enum SampleScenario {
    /// Every sample, the default first. Each is a file in `Scenario/`, embedded by `Scripts/embed-resources.py`.
    public static let all = [
        BuiltInSample(
            name: "indo-pacific-2023",
            summary: "US intelligence partnerships in Asia against Chinese espionage (a news article, 2023): "
                + "actors, partnerships, incidents; every sharing rule"),
        BuiltInSample(
            name: "volt-typhoon-2023",
            summary: "Volt Typhoon living off the land (joint advisory AA23-144A, May 2023): indicators, "
                + "file hashes and tools"),
    ]

    /// The default sample.
    public static var standard: BuiltInSample { all[0] }

    /// The sample called `name`, if there is one.
    public static func named(_ name: String) -> BuiltInSample? { all.first { $0.name == name } }

    /// The name diagnostics use for the default sample.
    public static var fileName: String { standard.fileName }

    /// The default sample as YAML, exactly as `Scenario/indo-pacific-2023.yaml` holds it.
    public static var yaml: String { standard.yaml }

    /// The default sample as a model.
    /// - Throws: ``ExportError`` `.internal` if the embedded scenario does not lint clean (a build defect).
    public static func report() throws -> ThreatReport { try standard.report() }
}
