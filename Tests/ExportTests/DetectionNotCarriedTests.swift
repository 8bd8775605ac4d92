import Export
import ExportTestSupport
import Testing

/// Until a format maps indicators, observables, malware and tools, its "cannot carry" note counts them; STIX 2.1,
/// STIX 1.2, MISP, report XML and report-json carry them, and say nothing of them (STIX 1.2 and MISP count the
/// details they have no place for by their own kinds, see STIX12DetectionTests).
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
            if ["stix21", "stix12", "report-xml", "report-json", "misp"].contains(format.name) {
                #expect(noted.isEmpty, "\(format.name) carries them but notes \(noted)")
                if format.name == "misp" {
                    // A stix2-pattern object has no place for indicator types or kill-chain phases.
                    #expect(summary.notCarried == ["indicator types": 1, "indicator kill-chain phases": 1], "\(summary.notCarried)")
                }
            } else {
                #expect(noted == counted, "\(format.name) notes \(summary.notCarried)")
            }
        }
    }
}
