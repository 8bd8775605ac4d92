import Export
import ExportTestSupport
import Foundation
import Testing

/// The STIX 2.1 writer, checked by stix2-validator and python-stix2.
struct STIX21WriterTests {
    /// The checks the README allows to be disabled, each for a documented reason.
    static let disabledChecks = "103,202,302"

    /// The allowed checks, plus each vocabulary check that lags Errata 01 only where the bundle uses an
    /// Errata value (215 `legal` sector, 218 `incident` report type, 219 `private-sector` actor type).
    static func disabledChecks(for bytes: [UInt8]) throws -> String {
        let bundle = try LocatedJSONReader.read(bytes).value
        var checks = [disabledChecks]
        func uses(_ property: String, _ value: String) -> Bool {
            (bundle["objects"]?.arrayValue ?? []).contains { $0[property]?.arrayValue?.contains(.string(value)) == true }
        }
        if uses("sectors", "legal") { checks.append("215") }
        if uses("report_types", "incident") { checks.append("218") }
        if uses("threat_actor_types", "private-sector") { checks.append("219") }
        return checks.joined(separator: ",")
    }

    static func scenarioBundle() throws -> [UInt8] { try bundle(SampleScenario.report()) }

    @Test func scenarioPassesStrictValidator() throws {
        let bytes = try Self.scenarioBundle()
        let file = try Self.temporaryFile(bytes)
        let disabled = try Self.disabledChecks(for: bytes)
        #expect(disabled == "103,202,302,215", "the scenario uses only the Errata value 'legal'")
        let result = try Oracle.runVenvTool("stix2_validator", ["--strict", "-d", disabled, file.path])
        #expect(result.status == 0, "\(result.output)\(result.errors)")
    }

    @Test func scenarioLoadsInPythonSTIX2WithoutCustomContent() throws {
        let file = try Self.temporaryFile(Self.scenarioBundle())
        let result = try Oracle.runScript("stix2_parse.py", [file.path])
        #expect(result.status == 0, "\(result.output)\(result.errors)")
    }

    @Test func scenarioExtensionPayloadsMatchTheirSchemas() throws {
        let file = try Self.temporaryFile(Self.scenarioBundle())
        let result = try Oracle.runScript(
            "stix_extension_payloads.py", [file.path, RepositoryPaths.schemas.appendingPathComponent("stix21").path])
        #expect(result.status == 0, "\(result.output)\(result.errors)")
    }

    @Test func scenarioExportsAreByteIdenticalAndCleanByOurChecks() throws {
        let first = try Self.scenarioBundle()
        #expect(first == (try Self.scenarioBundle()))
        #expect(STIXBundleValidator.validate(bytes: first, file: "scenario.json").isEmpty)
    }

    static func bundle(_ report: ThreatReport, recipient: String? = nil) throws -> [UInt8] {
        var sink = MemorySink()
        _ = try STIX21Writer().write(ReleasedReport(report: report, recipient: recipient), options: .default, to: &sink)
        return sink.bytes
    }

    static func temporaryFile(_ bytes: [UInt8], name: String = "bundle.json") throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stix21-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    @Test func richReportPassesStrictValidator() throws {
        let file = try Self.temporaryFile(Self.bundle(RichReport.make()))
        let result = try Oracle.runVenvTool(
            "stix2_validator", ["--strict", "-d", try Self.disabledChecks(for: Self.bundle(RichReport.make())), file.path])
        #expect(result.status == 0, "\(result.output)\(result.errors)")
    }

    @Test func richReportLoadsInPythonSTIX2WithoutCustomContent() throws {
        let file = try Self.temporaryFile(Self.bundle(RichReport.make()))
        let result = try Oracle.runScript("stix2_parse.py", [file.path])
        #expect(result.status == 0, "\(result.output)\(result.errors)")
    }

    @Test func extensionPayloadsMatchTheirSchemas() throws {
        let file = try Self.temporaryFile(Self.bundle(RichReport.make()))
        let result = try Oracle.runScript(
            "stix_extension_payloads.py", [file.path, RepositoryPaths.schemas.appendingPathComponent("stix21").path])
        #expect(result.status == 0, "\(result.output)\(result.errors)")
        #expect((Int(result.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 10)
    }

    @Test func twoExportsAreByteIdentical() throws {
        let report = try RichReport.make()
        #expect(try Self.bundle(report) == Self.bundle(report))
    }

    @Test func emptyViewGivesAValidBundleWithoutReportAndAWarning() throws {
        let report = ThreatReport(
            title: "Nothing", published: try PartialDate(parsing: "2023"),
            producer: Producer(id: "cert.example.gov", name: "Example CERT"))
        var sink = MemorySink()
        let summary = try STIX21Writer().write(
            ReleasedReport(report: report, recipient: "IND"), options: .default, to: &sink)
        #expect(summary.warnings.count == 1)
        #expect(!sink.string.contains("\"report\""))
        let file = try Self.temporaryFile(sink.bytes)
        let result = try Oracle.runVenvTool("stix2_validator", ["--strict", "-d", Self.disabledChecks, file.path])
        #expect(result.status == 0, "\(result.output)")
    }
}
