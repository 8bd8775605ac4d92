import Export
import ExportTestSupport
import Foundation
import Testing

/// The STIX 2.1 writer, checked by stix2-validator and python-stix2.
struct STIX21WriterTests {
    /// The checks the README allows to be disabled, each for a documented reason.
    static let disabledChecks = "103,202,302"

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
            "stix2_validator", ["--strict", "-d", Self.disabledChecks, file.path])
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
