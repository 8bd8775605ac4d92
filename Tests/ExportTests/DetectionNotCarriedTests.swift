import Export
import ExportTestSupport
import Testing

/// Until a format maps indicators, observables, malware and tools, its "cannot carry" note counts them; STIX 2.1,
/// report XML and report-json carry them, and say nothing.
struct DetectionNotCarriedTests {
    @Test func everyFormatCarriesOrCountsThem() throws {
        let report = try STIX21DetectionWriterTests.report()
        var settings = FormatOptions.default
        settings.validatesOutput = false
        let counted = ["indicator": 1, "observable": 2, "malware": 1, "tool": 1]
        for format in FormatRegistry.writable {
            var sink: any ByteSink = MemorySink()
            let summary = try #require(format.writer).write(ReleasedReport(everythingIn: report), options: settings, to: &sink)
            let noted = summary.notCarried.filter { counted.keys.contains($0.key) }
            if ["stix21", "report-xml", "report-json"].contains(format.name) {
                #expect(noted.isEmpty, "\(format.name) carries them but notes \(noted)")
            } else {
                #expect(noted == counted, "\(format.name) notes \(summary.notCarried)")
            }
        }
    }
}
