import Export
import ExportDevSupport
import ExportTestSupport
import Foundation
import Testing

/// Every STIX 2.1 export imports into OpenCTI as meant: each relationship is in OpenCTI's allowed
/// (from type, relationship, to type) table, read from its source into `Tests/oracles/opencti_relationships.json`
/// (`related-to` is always allowed), identity classes and locations are typed as consumers.md recommends, and
/// the TLP 2.0 definitions a bundle references ship with it (issue 17).
struct OpenCTIRelationshipOracleTests {
    static func bundle(_ view: ReleasedReport, profile: STIXProfile = .standard) throws -> [UInt8] {
        var sink = MemorySink()
        _ = try STIX21Writer().write(view, options: .init(profile: profile), to: &sink)
        return sink.bytes
    }

    /// The built-in report whole and for each scenario recipient, generated reports whole and for recipients,
    /// the hand-built and rich reports and a corpus slice.
    static func exports() throws -> [(name: String, bytes: [UInt8])] {
        let scenario = try SampleScenario.report()
        var out = [("scenario", try bundle(ReleasedReport(everythingIn: scenario)))]
        for name in SharingSTIXOracleTests.recipients {
            let view = try SharingPolicy().view(scenario, for: try Recipient.resolve(name, in: scenario)).view
            out.append(("scenario-\(name)", try bundle(view)))
        }
        for seed in 0..<60 as Range<UInt64> {
            out.append(("generated-\(seed)", try bundle(ReleasedReport(everythingIn: try GeneratedReports.make(seed: seed)))))
        }
        for seed in 0..<6 as Range<UInt64> {
            var generator = ReportGenerator(seed: seed)
            let report = try generator.report(size: 20)
            out.append(("report-generator-\(seed)", try bundle(ReleasedReport(everythingIn: report))))
            for name in ReportGenerator.recipients(for: report).prefix(2) {
                let view = try SharingPolicy(redactsWithheldNames: true)
                    .view(report, for: try Recipient.resolve(name, in: report)).view
                out.append(("report-generator-\(seed)-\(name)", try bundle(view)))
            }
        }
        out.append(("hand-built", try bundle(ReleasedReport(everythingIn: try HandBuiltReports.everything()))))
        out.append(("rich", try bundle(ReleasedReport(everythingIn: try RichReport.make()))))
        out.append(("corpus", try bundle(ReleasedReport(everythingIn: CorpusGenerator(objects: 2_000, seed: 3).report()))))
        // Indicators, observables, malware and tools (issue 22): the advisory sample, every kind, an IOC corpus.
        let advisory = try #require(SampleScenario.named("volt-typhoon-2023"))
        out.append(("volt-typhoon", try bundle(ReleasedReport(everythingIn: try advisory.report()))))
        out.append(("detection", try bundle(ReleasedReport(everythingIn: try STIX21DetectionWriterTests.report()))))
        let iocs = CorpusGenerator(objects: 300, seed: 9, indicators: 300).report()
        out.append(("ioc-corpus", try bundle(ReleasedReport(everythingIn: iocs))))
        return out
    }

    @Test func everyRelationshipOfEveryExportIsOneOpenCTIAllows() throws {
        let folder = try RepositoryPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for (name, bytes) in try Self.exports() {
            let file = folder.appendingPathComponent("\(name).json")
            try Data(bytes).write(to: file)
            paths.append(file.path)
        }
        let result = try Oracle.runScript("opencti_check.py", paths)
        #expect(result.status == 0, "\(result.output.suffix(3_000))\(result.errors)")
        #expect(result.output.contains("problem(s)"), "the checker did not run: \(result.errors)")
    }

    /// The checker is not vacuous: the forms exportctl wrote before issue 17 fail it.
    @Test func theCheckerRejectsTheOldForms() throws {
        let bundle: JSONValue = .object([
            "type": "bundle", "id": "bundle--0b0c3f70-0b4e-4a7a-9d55-5d1e2b5f2a10",
            "objects": .array([
                .object(["type": "identity", "id": "identity--1", "name": "A", "identity_class": "group"]),
                .object(["type": "identity", "id": "identity--2", "name": "B", "identity_class": "organization"]),
                .object(["type": "location", "id": "location--1", "country": "IN", "region": "southern-asia"]),
                .object([
                    "type": "relationship", "id": "relationship--1", "relationship_type": "member-of",
                    "source_ref": "identity--2", "target_ref": "identity--1",
                    "object_marking_refs": .array(["marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421"]),
                ]),
            ]),
        ])
        let result = try Oracle.runScript("opencti_check.py", ["-"], input: Data(CanonicalJSON.bytes(bundle)))
        #expect(result.status == 1)
        for expected in ["identity_class 'group'", "without a name", "country, region", "-member-of->", "TLP 2.0"] {
            #expect(result.output.contains(expected), "\(expected) not found in \(result.output)")
        }
    }

    @Test func theOpenCTIProfileAddsIncidentDatesAndMarkingPropertiesAndTheDefaultDoesNot() throws {
        let view = ReleasedReport(everythingIn: try SampleScenario.report())
        let standard = try LocatedJSONReader.read(Self.bundle(view)).value["objects"]?.arrayValue ?? []
        let opencti = try LocatedJSONReader.read(Self.bundle(view, profile: .opencti)).value["objects"]?.arrayValue ?? []
        func incidents(_ objects: [JSONValue]) -> [JSONValue] { objects.filter { $0["type"] == "incident" } }
        func acs(_ objects: [JSONValue]) -> [JSONValue] {
            objects.filter { $0["type"] == "marking-definition" && $0["extensions"]?[STIXProfileTestIDs.acs] != nil }
        }
        #expect(!incidents(standard).isEmpty && !acs(standard).isEmpty)
        #expect(incidents(standard).allSatisfy { $0["first_seen"] == nil && $0["last_seen"] == nil })
        #expect(acs(standard).allSatisfy { $0["x_opencti_definition_type"] == nil })
        // Every incident the report dates gets both; the scenario dates only some (the article dates few).
        let dated = Set(view.report.incidents.filter { $0.when != nil }.map(\.title))
        #expect(!dated.isEmpty)
        for incident in incidents(opencti) where dated.contains(incident["name"]?.stringValue ?? "") {
            #expect(incident["first_seen"] != nil && incident["last_seen"] != nil, "\(incident["name"] ?? "")")
        }
        #expect(acs(opencti).allSatisfy { $0["x_opencti_definition_type"] == "REL" && $0["x_opencti_definition"] == $0["name"] })
    }
}

/// Ids the profile test looks for.
private enum STIXProfileTestIDs {
    static let acs = "extension-definition--3a65884d-005a-4290-8335-cb2d778a83ce"
}
