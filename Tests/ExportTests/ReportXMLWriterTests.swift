import Export
import ExportTestSupport
import Foundation
import Testing

struct ReportXMLWriterTests {
    private func export(_ report: ThreatReport, validates: Bool = true) throws -> [UInt8] {
        var sink = MemorySink()
        _ = try ReportXMLWriter().write(ReleasedReport(everythingIn: report), options: .init(validates: validates), to: &sink)
        return sink.bytes
    }

    @Test(arguments: ["everything", "minimal"])
    func handBuiltReportRoundTrips(_ name: String) throws {
        let report = name == "everything" ? try HandBuiltReports.everything() : try HandBuiltReports.minimal()
        let bytes = try export(report)
        let result = ReportXMLReader.read(bytes, file: "out.xml")
        #expect(result.diagnostics == [])
        let back = try #require(result.report)
        #expect(back == report)
        // Compared through report-json as well, so a difference shows as text.
        var left = MemorySink()
        var right = MemorySink()
        _ = try ReportJSONWriter().write(ReleasedReport(everythingIn: report), options: .default, to: &left)
        _ = try ReportJSONWriter().write(ReleasedReport(everythingIn: back), options: .default, to: &right)
        #expect(left.string == right.string)
    }

    @Test func twoExportsAreByteIdentical() throws {
        let report = try HandBuiltReports.everything()
        #expect(try export(report) == export(report))
        #expect(try export(report) == export(report, validates: false))
    }

    @Test func exportPassesXmllint() throws {
        let directory = try RepositoryPaths.makeTemporaryDirectory()
        let file = directory.appendingPathComponent("everything.xml")
        try Data(export(try HandBuiltReports.everything())).write(to: file)
        let schema = RepositoryPaths.schemas.appendingPathComponent("threat-report.xsd").path
        let result = try Oracle.runSystemTool("xmllint", ["--noout", "--nonet", "--schema", schema, file.path])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.errors.contains("validates"))
    }

    @Test func danglingLinkIsRefusedBeforeAnyByteIsWritten() throws {
        var report = try HandBuiltReports.minimal()
        report.actors = [Actor(id: "a", name: "A", kind: .state, sponsoredBy: [Link("nowhere")])]
        var sink = MemorySink()
        #expect(throws: ExportError.self) {
            _ = try ReportXMLWriter().write(ReleasedReport(everythingIn: report), options: .default, to: &sink)
        }
        #expect(sink.bytes.isEmpty)
        do {
            _ = try ReportXMLWriter().write(ReleasedReport(everythingIn: report), options: .default, to: &sink)
        } catch let error as ExportError {
            #expect(error.diagnostics.contains { $0.message.contains("linkTarget") })
        }
    }

    @Test func readerIsRegisteredAheadOfAuthoring() throws {
        let bytes = try export(try HandBuiltReports.minimal())
        #expect(FormatRegistry.reader(recognising: bytes)?.name == "report-xml")
        #expect(FormatRegistry.reader(recognising: Array("title: x\n".utf8))?.name != "report-xml")
        #expect(FormatRegistry.named("report-xml") != nil)
    }

    @Test func textIsEscapedNotInterpreted() throws {
        let bytes = try export(try HandBuiltReports.everything())
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("&amp; &lt;elsewhere&gt;"))
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<report formatVersion=\"1.0\""))
        #expect(text.split(separator: "\n")[1].hasSuffix("xmlns=\"urn:exportctl:threat-report:1\">"))
    }
}

extension ReportXMLWriterTests {
    @Test func scenarioRoundTrips() throws {
        let scenario = try SampleScenario.report()
        let bytes = try export(scenario)
        let back = ReportXMLReader.read(bytes, file: "scenario.xml")
        #expect(back.diagnostics == [])
        #expect(back.report == scenario)
        #expect(try export(scenario) == bytes)
    }

    @Test func unknownCountryInAValidDocumentIsLocated() throws {
        let text = try #require(String(bytes: try export(try HandBuiltReports.everything()), encoding: .utf8))
        let broken = text.replacingOccurrences(of: "country=\"JPN\"", with: "country=\"ZZZ\"")
        let result = ReportXMLReader.read(Array(broken.utf8), file: "r.xml")
        #expect(result.report == nil)
        #expect(result.diagnostics.first?.rendered.hasPrefix("r.xml:29:1: error: 'ZZZ' is not an ISO 3166-1 country code") == true, "\(result.diagnostics)")
    }
}

extension ReportXMLWriterTests {
    @Test func wholeReportChecksRunOnImportAtTheXMLLine() throws {
        let text = try #require(String(bytes: try export(try HandBuiltReports.everything()), encoding: .utf8))
        // Schema-valid (every id is an object id) but a campaign cannot sponsor an actor.
        let broken = text.replacingOccurrences(of: "<sponsoredBy ref=\"japan\"/>", with: "<sponsoredBy ref=\"op-y\"/>")
        #expect(broken != text)
        let line = try #require(broken.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("ref=\"op-y\"/>") && $0.contains("sponsoredBy") }) + 1
        let result = ReportXMLReader.read(Array(broken.utf8), file: "r.xml")
        #expect(result.report == nil)
        #expect(result.diagnostics.map(\.location?.line) == [line], "\(result.diagnostics)")
        #expect(result.diagnostics.first?.message.contains("'op-y' is a campaign") == true, "\(result.diagnostics)")
    }
}

extension ReportXMLWriterTests {
    @Test(arguments: 0..<40)
    func generatedReportRoundTrips(_ seed: UInt64) throws {
        let report = try GeneratedReports.make(seed: seed)
        let bytes = try export(report)
        let result = ReportXMLReader.read(bytes, file: "generated-\(seed).xml")
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        #expect(result.report == report)
        #expect(try export(report) == bytes)
    }
}

extension ReportXMLWriterTests {
    @Test func generatedReportsPassXmllint() throws {
        let directory = try RepositoryPaths.makeTemporaryDirectory()
        var files: [String] = []
        var sawCarriageReturn = false
        for seed in 0..<40 as Range<UInt64> {
            let report = try GeneratedReports.make(seed: seed)
            sawCarriageReturn = sawCarriageReturn || report.title.contains("\r") || report.actors.contains { $0.name.contains("\r") }
            let file = directory.appendingPathComponent("generated-\(seed).xml")
            try Data(try export(report)).write(to: file)
            files.append(file.path)
        }
        #expect(sawCarriageReturn, "the generator must exercise line-break escaping")
        let schema = RepositoryPaths.schemas.appendingPathComponent("threat-report.xsd").path
        let result = try Oracle.runSystemTool("xmllint", ["--noout", "--nonet", "--schema", schema] + files)
        #expect(result.status == 0, "\(result.errors.prefix(1000))")
    }
}

extension ReportXMLWriterTests {
    /// The hand-built report sets every stored property of every model type somewhere, so its round trip
    /// (`ReportXMLDetectionTests`) proves report XML carries every field; a field added to the model fails here
    /// until the format and the report carry it.
    @Test func handBuiltReportSetsEveryField() throws {
        var seen: Set<String> = []
        var set: Set<String> = []
        walk(try HandBuiltReports.everythingWithDetection(), seen: &seen, set: &set)
        #expect(seen.count > 120)
        for type in ["Indicator", "Observable", "FileHash", "KillChainPhase", "Malware", "Tool"] {
            #expect(seen.contains { $0.hasPrefix(type + ".") }, "\(type) was never walked")
        }
        #expect(seen.subtracting(set).subtracting(Self.stixProvenance).subtracting(Self.sharingLabels).sorted() == [])
    }

    /// Labels the sharing layer derives when it builds a view (never authored, never read back).
    static let sharingLabels: Set<String> = ["Link.label", "Membership.label"]

    /// What a STIX 2.1 import keeps so that the STIX writer can write foreign objects back unchanged. Only the
    /// STIX 2.1 writer carries it; report XML (like report-json) lists verbatim objects as not carried.
    static let stixProvenance: Set<String> = [
        "Activity.imported", "Actor.imported", "Incident.imported", "Link.imported", "Membership.imported",
        "Indicator.imported", "Observable.imported", "Malware.imported", "Tool.imported",
        "Partnership.imported", "ThreatReport.stixImport", "ThreatReport.verbatimObjects",
        "ThreatReport.markingDefinitions", "ThreatReport.importedIDs", "Marking.notUnderstood",
    ]

    private func walk(_ value: Any, seen: inout Set<String>, set: inout Set<String>) {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .collection:
            for element in mirror.children { walk(element.value, seen: &seen, set: &set) }
        case .struct:
            let type = String(describing: Swift.type(of: value))
            for child in mirror.children {
                guard let label = child.label else { continue }
                let key = "\(type).\(label)"
                seen.insert(key)
                let inner = Mirror(reflecting: child.value)
                switch inner.displayStyle {
                case .optional:
                    if let some = inner.children.first {
                        set.insert(key)
                        walk(some.value, seen: &seen, set: &set)
                    }
                case .collection:
                    if !inner.children.isEmpty { set.insert(key) }
                    walk(child.value, seen: &seen, set: &set)
                default:
                    set.insert(key)
                    walk(child.value, seen: &seen, set: &set)
                }
            }
        default:
            break
        }
    }
}
