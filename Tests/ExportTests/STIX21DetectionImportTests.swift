import Export
import ExportTestSupport
import Foundation
import Testing

/// Indicators, cyber-observables, malware and tools read from STIX 2.1 into the model: our own bundle comes
/// back byte for byte, and other producers' bundles re-export validator-clean and reach every format.
struct STIX21DetectionImportTests {
    static let detectionTypes = Set(["indicator", "malware", "tool"] + ObservableKind.allCases.map(\.rawValue))

    /// The detection report with markings of their own on some objects (the rest inherit the default).
    static func report() throws -> ThreatReport {
        var report = try STIX21DetectionWriterTests.report()
        report.indicators[0].marking = Marking(tlp: .amber)
        report.observables[1].marking = Marking(tlp: .green)
        report.tools[0].marking = Marking(tlp: .amberStrict)
        return report
    }

    static func read(_ bytes: [UInt8], file: String = "in.json") throws -> ThreatReport {
        let result = STIX21Reader.read(bytes, file: file)
        #expect(!result.diagnostics.contains { $0.severity == .error }, "\(result.diagnostics.map(\.message))")
        return try #require(result.report)
    }

    static func byID(_ bytes: [UInt8]) throws -> [String: [UInt8]] {
        var table: [String: [UInt8]] = [:]
        for object in try STIX21DetectionWriterTests.objects(bytes) {
            if let id = object["id"]?.stringValue { table[id] = CanonicalJSON.bytes(object) }
        }
        return table
    }

    @Test func ourBundleComesBackByteIdentical() throws {
        let first = try STIX21WriterTests.bundle(Self.report())
        let imported = try Self.read(first)
        #expect(imported.indicators.count == 1 && imported.observables.count == 2)
        #expect(imported.malware.count == 1 && imported.tools.count == 1)
        #expect(imported.verbatimObjects.allSatisfy { !Self.detectionTypes.contains($0["type"]?.stringValue ?? "") })
        let indicator = try #require(imported.indicators.first)
        #expect(indicator.killChainPhases.count == 1 && indicator.indicates.count == 2 && indicator.basedOn.count == 1)
        #expect(indicator.validUntil?.description == "2023-12")
        #expect(imported.tools.first?.usedBy.count == 1 && imported.malware.first?.usedBy.count == 1)
        #expect(imported.observables.first?.involvedIn.count == 1)
        let second = try STIX21WriterTests.bundle(imported)
        let (before, after) = (try Self.byID(first), try Self.byID(second))
        for (id, bytes) in before where Self.detectionTypes.contains(String(id.prefix { $0 != "-" })) {
            #expect(after[id] == bytes, "\(id) changed")
        }
        #expect(Set(after.keys) == Set(before.keys), "ids gained \(Set(after.keys).subtracting(before.keys))")
        #expect(second == first, "the re-export differs from our own bundle")
    }

    static let thirdParty = [
        "oasis-docs-sighting-of-an-indicator", "misp-stix-event1", "oasis-docs-malware-indicator-for-file-hash",
        "oasis-schemas-indicator-for-c2-ip-address", "oasis-docs-indicator-for-malicious-url",
        "oasis-schemas-threat-report-poisonivy", "oasis-schemas-indicator-to-campaign-relationship",
    ]

    @Test(arguments: thirdParty) func thirdPartyBundleReexportsCleanAndKeepsIDs(_ name: String) throws {
        let url = RepositoryPaths.fixtures.appendingPathComponent("real/stix21/\(name).json")
        let input = try [UInt8](Data(contentsOf: url))
        let report = try Self.read(input, file: name + ".json")
        let inputIDs = Set(try Self.byID(input).keys)
        let modelled = report.indicators.compactMap { $0.imported?["id"]?.stringValue }
            + report.observables.compactMap { $0.imported?["id"]?.stringValue }
            + report.malware.compactMap { $0.imported?["id"]?.stringValue } + report.tools.compactMap { $0.imported?["id"]?.stringValue }
        #expect(!modelled.isEmpty, "nothing of \(name) became a model object")
        let output = try STIX21WriterTests.bundle(report)
        let written = try Self.byID(output)
        let originals = try Self.byID(input)
        for id in modelled {
            #expect(inputIDs.contains(id))
            #expect(written[id] == originals[id], "\(id) is not written back as it came")
        }
        let ids = IdentityIndex(report)
        for indicator in report.indicators { #expect(ids.identity(of: indicator.id)?.stixID == indicator.imported?["id"]?.stringValue) }
        // Clean as stix2-validator sees it: valid, with no finding the partner's own bundle did not have (some
        // ship SCO ids that are not UUIDv5 or non-standard phase names, which are theirs to keep).
        let file = try STIX21WriterTests.temporaryFile(output)
        let verdicts = try STIXBundleValidatorTests.oracleVerdicts([url, file])
        let before = try #require(verdicts[url.path]), after = try #require(verdicts[file.path])
        #expect(after.valid || !before.valid, "\(name) re-exported: \(after.errors)")
        let new = STIX21ThirdPartyImportTests.codes(after.errors + after.warnings)
            .subtracting(STIX21ThirdPartyImportTests.codes(before.errors + before.warnings))
        #expect(new.isEmpty, "\(name): new findings \(new.sorted())")
        let parsed = try Oracle.runScript("stix2_parse.py", [file.path])
        #expect(parsed.status == 0, "\(parsed.output)\(parsed.errors)")
        // Every other format takes them without failing (those that do not map them yet say so).
        let outputs = try FormatOutputs.all(ReleasedReport(everythingIn: report))
        #expect(outputs.count == FormatRegistry.writable.count)
    }

    @Test func objectsBeyondTheModelStayVerbatim() throws {
        let bundle = """
            {"type":"bundle","id":"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d","objects":[
            {"type":"malware","spec_version":"2.1","id":"malware--1d0f1a5c-0000-4000-8000-000000000001","created":"2023-01-01T00:00:00.000Z","modified":"2023-01-01T00:00:00.000Z","name":"Sampled","is_family":false,"sample_refs":["file--1d0f1a5c-0000-4000-8000-000000000002"]},
            {"type":"file","spec_version":"2.1","id":"file--1d0f1a5c-0000-4000-8000-000000000002","name":"a.exe","size":12,"hashes":{"MD5":"d41d8cd98f00b204e9800998ecf8427e"}},
            {"type":"indicator","spec_version":"2.1","id":"indicator--1d0f1a5c-0000-4000-8000-000000000003","created":"2023-01-01T00:00:00.000Z","modified":"2023-01-01T00:00:00.000Z","pattern":"rule x { condition: true }","pattern_type":"x-rules","valid_from":"2023-01-01T00:00:00Z"},
            {"type":"tool","spec_version":"2.1","id":"tool--1d0f1a5c-0000-4000-8000-000000000004","created":"2023-01-01T00:00:00.000Z","modified":"2023-01-01T00:00:00.000Z","name":"T","x_acme_score":3},
            {"type":"ipv4-addr","spec_version":"2.1","id":"ipv4-addr--1d0f1a5c-0000-4000-8000-000000000005","value":"198.51.100.7"}
            ]}
            """
        let report = try Self.read(Array(bundle.utf8))
        #expect(report.malware.isEmpty && report.tools.isEmpty && report.indicators.isEmpty)
        #expect(report.observables.map(\.value) == ["198.51.100.7"])
        #expect(report.observables.first?.imported?["id"]?.stringValue == "ipv4-addr--1d0f1a5c-0000-4000-8000-000000000005")
        #expect(report.verbatimObjects.compactMap { $0["type"]?.stringValue }.sorted() == ["file", "indicator", "malware", "tool"])
        #expect(IdentityIndex(report).identity(of: report.observables[0].id)?.stixID == "ipv4-addr--1d0f1a5c-0000-4000-8000-000000000005")
    }
}
