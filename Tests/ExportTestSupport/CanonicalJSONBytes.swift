public import Export

/// A report as canonical authoring JSON, for tests that feed the binary a file.
public enum CanonicalJSONBytes {
    /// The report-json bytes of `report`.
    public static func of(_ report: ThreatReport) -> [UInt8] { CanonicalJSON.bytes(report.authoringJSON()) }
}
