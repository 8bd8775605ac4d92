import Export
import ExportTestSupport
import Foundation
import Testing

/// Reading STIX 2.1 back into the model.
struct STIX21ReaderTests {
    static func roundTrip(_ report: ThreatReport) throws -> ThreatReport {
        let bytes = try STIX21WriterTests.bundle(report)
        let result = STIX21Reader.read(bytes, file: "bundle.json")
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.map(\.rendered))")
        return try #require(result.report)
    }

    static func reportJSON(_ report: ThreatReport) -> String { CanonicalJSON.string(report.authoringJSON()) }

    @Test func scenarioIsLossless() throws {
        let report = try SampleScenario.report()
        let back = try Self.roundTrip(report)
        #expect(Self.reportJSON(back) == Self.reportJSON(report))
        #expect(back == report)
    }

    @Test func richReportIsLossless() throws {
        let report = try RichReport.make()
        let back = try Self.roundTrip(report)
        #expect(Self.reportJSON(back) == Self.reportJSON(report))
        #expect(back == report)
    }
}
