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

/// import(export(M)) == M for generated reports (seeded, so a failure names its seed and reproduces).
struct STIX21LosslessPropertyTests {
    @Test func twoHundredGeneratedReportsRoundTrip() throws {
        for seed in UInt64(1)...200 {
            var generator = STIXReportGenerator(seed: seed)
            let report = try generator.report()
            let back = try STIX21ReaderTests.roundTrip(report)
            let (expected, actual) = (STIX21ReaderTests.reportJSON(report), STIX21ReaderTests.reportJSON(back))
            #expect(actual == expected, "seed \(seed)")
            #expect(back == report, "seed \(seed)")
            if actual != expected || back != report { return }
        }
    }
}

/// Third-party STIX: the shipped stix2-validator examples, unknown properties, invalid and 2.0 input.
struct STIX21ThirdPartyImportTests {
    static func reexport(_ bytes: [UInt8], file: String = "in.json") throws -> [UInt8] {
        let result = STIX21Reader.read(bytes, file: file)
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.map(\.rendered))")
        return try STIX21WriterTests.bundle(try #require(result.report))
    }

    /// Warning codes of one stix2-validator verdict, e.g. `["103", "302"]`, with the object they concern.
    static func codes(_ warnings: [String]) -> Set<String> {
        Set(warnings.compactMap { warning in
            guard let open = warning.firstIndex(of: "{"), let close = warning.firstIndex(of: "}") else { return nil }
            let object = warning.split(separator: ":").first.map(String.init) ?? ""
            return object + " " + warning[warning.index(after: open)..<close]
        })
    }

    @Test func shippedExamplesReexportValidWithNoNewFindingAndReachAFixedPoint() throws {
        let folder = try STIXBundleValidatorTests.folder()
        var pairs: [(URL, URL, Bool)] = []
        for (index, example) in try ShippedExamples.files().enumerated() {
            let original = Array(try Data(contentsOf: example))
            let once = try Self.reexport(original)
            let twice = try Self.reexport(once)
            #expect(twice == once, "\(example.lastPathComponent) is not a fixed point after one pass")
            let out = folder.appendingPathComponent("reexport-\(index).json")
            try Data(once).write(to: out)
            let isBundle = (try LocatedJSONReader.read(original))["type"]?.string == "bundle"
            pairs.append((example, out, isBundle))
        }
        let verdicts = try STIXBundleValidatorTests.oracleVerdicts(pairs.flatMap { [$0.0, $0.1] })
        for (original, reexported, isBundle) in pairs {
            let before = try #require(verdicts[original.path])
            let after = try #require(verdicts[reexported.path])
            #expect(after.valid, "\(original.lastPathComponent) re-exported: \(after.errors)")
            var new = Self.codes(after.warnings).subtracting(Self.codes(before.warnings))
            // A single object is wrapped in a bundle whose id is exportctl's UUIDv5: the one allowed new finding.
            if !isBundle { new = new.filter { !$0.hasPrefix("bundle--") } }
            #expect(new.isEmpty, "\(original.lastPathComponent): new findings \(new.sorted())")
        }
    }

    @Test func unknownPropertiesIdsAndTimestampsSurvive() throws {
        let text = """
            {"type": "bundle", "id": "bundle--8a0d3b7e-5c4f-4a51-9c1e-0d6b2f3a4e5c", "objects": [
              {"type": "intrusion-set", "spec_version": "2.1", "id": "intrusion-set--5f2c9d4e-7a1b-4c3d-8e9f-0a1b2c3d4e5f",
               "created": "2017-05-31T21:31:43.540123Z", "modified": "2021-10-12T20:30:50.617416Z", "name": "APT X",
               "x_mitre_version": "1.4", "x_mitre_domains": ["enterprise-attack"]},
              {"type": "malware", "spec_version": "2.1", "id": "malware--0f2c9d4e-7a1b-4c3d-8e9f-0a1b2c3d4e5f",
               "created": "2017-05-31T21:31:43.540Z", "modified": "2017-05-31T21:31:43.540Z", "name": "M", "is_family": true},
              {"type": "relationship", "spec_version": "2.1", "id": "relationship--1f2c9d4e-7a1b-4c3d-8e9f-0a1b2c3d4e5f",
               "created": "2017-05-31T21:31:43.540Z", "modified": "2017-05-31T21:31:43.540Z", "relationship_type": "uses",
               "source_ref": "intrusion-set--5f2c9d4e-7a1b-4c3d-8e9f-0a1b2c3d4e5f",
               "target_ref": "malware--0f2c9d4e-7a1b-4c3d-8e9f-0a1b2c3d4e5f"}]}
            """
        let result = STIX21Reader.read(Array(text.utf8), file: "attack.json")
        let report = try #require(result.report)
        #expect(report.intrusionSets.map(\.name) == ["APT X"])
        // The malware fits the model whole (issue 22), and its `uses` from the intrusion set becomes its link.
        #expect(report.verbatimObjects.isEmpty && report.malware.map(\.name) == ["M"])
        #expect(report.malware.first?.usedBy.map(\.ref) == ["intrusion-set--5f2c9d4e-7a1b-4c3d-8e9f-0a1b2c3d4e5f"])
        let out = try LocatedJSONReader.read(try STIX21WriterTests.bundle(report)).value
        let objects = out["objects"]?.arrayValue ?? []
        let original = try LocatedJSONReader.read(Array(text.utf8)).value["objects"]?.arrayValue ?? []
        for object in original { #expect(objects.contains(object), "\(object["id"]?.stringValue ?? "")") }
        #expect(out["id"]?.stringValue == "bundle--8a0d3b7e-5c4f-4a51-9c1e-0d6b2f3a4e5c")
        #expect(!objects.contains { $0["type"]?.stringValue == "report" }, "a synthetic report is never written")
    }

    @Test func invalidObjectsFailWithOneDiagnosticEachUnlessDropped() throws {
        let text = """
            {"type": "bundle", "id": "bundle--8a0d3b7e-5c4f-4a51-9c1e-0d6b2f3a4e5c", "objects": [
              {"type": "identity", "spec_version": "2.1", "created": "2023-01-01T00:00:00.000Z",
               "modified": "2023-01-01T00:00:00.000Z", "name": "no id"},
              {"type": "identity", "spec_version": "2.1", "id": "identity--5f2c9d4e-7a1b-4c3d-8e9f-0a1b2c3d4e5f",
               "created": "2023-01-01T00:00:00Z", "modified": "2023-01-01T00:00:00.000Z", "name": "seconds only"},
              {"type": "identity", "spec_version": "2.1", "id": "identity--6f2c9d4e-7a1b-4c3d-8e9f-0a1b2c3d4e5f",
               "created": "2023-01-01T00:00:00.000Z", "modified": "2023-01-01T00:00:00.000Z", "name": "fine"}]}
            """
        let strict = STIX21Reader.read(Array(text.utf8), file: "b.json")
        #expect(strict.report == nil)
        #expect(strict.diagnostics.map(\.rendered).map { $0.components(separatedBy: ": error").first ?? "" } == ["b.json:2:3", "b.json:5:15"])
        var settings = ImportSettings.default
        settings.dropsInvalid = true
        let dropping = STIX21Reader.read(Array(text.utf8), file: "b.json", settings: settings)
        #expect(dropping.report?.actors.map(\.name) == ["fine"])
        #expect(dropping.diagnostics.count == 1)
        #expect(dropping.diagnostics.first?.message.contains("identity--5f2c9d4e-7a1b-4c3d-8e9f-0a1b2c3d4e5f") == true)
    }

    /// A partner bundle with versions of one object (and a repeat) gives one actor, the latest version.
    @Test func onlyTheLatestVersionOfAnObjectIsRead() throws {
        func actor(_ modified: String, _ name: String) -> String {
            """
            {"type": "threat-actor", "spec_version": "2.1", "id": "threat-actor--5f2c9d4e-7a1b-4c3d-8e9f-0a1b2c3d4e5f",
             "created": "2023-01-01T00:00:00.000Z", "modified": "\(modified)", "name": "\(name)"}
            """
        }
        let versions = [
            actor("2023-01-01T00:00:00.000Z", "first"), actor("2023-03-01T00:00:00.500Z", "latest"),
            actor("2023-03-01T00:00:00.499999Z", "earlier the same second"), actor("2023-01-01T00:00:00.000Z", "first"),
        ]
        let text = #"{"type": "bundle", "id": "bundle--8a0d3b7e-5c4f-4a51-9c1e-0d6b2f3a4e5c", "objects": ["#
            + versions.joined(separator: ",") + "]}"
        let result = STIX21Reader.read(Array(text.utf8), file: "v.json")
        #expect(result.report?.actors.map(\.name) == ["latest"])
        #expect(!result.diagnostics.hasErrors)
        #expect(result.diagnostics.map(\.message) == [
            "read the latest version of each object; 3 older or repeated version(s) set aside"
        ])
    }

    @Test func objectsThatAreNotAListAreNamed() {
        let text = #"{"type": "bundle", "id": "bundle--8a0d3b7e-5c4f-4a51-9c1e-0d6b2f3a4e5c", "objects": {"a": 1}}"#
        let result = STIX21Reader.read(Array(text.utf8), file: "b.json")
        #expect(result.report == nil)
        #expect(result.diagnostics.map(\.rendered) == ["b.json:1:85: error: 'objects' must be a list, not an object"])
    }

    @Test func stix20InputGetsAClearMessage() {
        let text = #"{"type": "bundle", "id": "bundle--8a0d3b7e-5c4f-4a51-9c1e-0d6b2f3a4e5c", "spec_version": "2.0", "objects": []}"#
        let result = STIX21Reader.read(Array(text.utf8), file: "old.json")
        #expect(result.report == nil)
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.message == #"this is a STIX 2.0 bundle ("spec_version": "2.0"); exportctl reads STIX 2.1"#)
        #expect(result.diagnostics.first?.hint?.contains("--upgrade") == true)
    }

    @Test func upgradeReads20As21AndListsEachChangeAsANote() throws {
        let text = """
            {"type": "bundle", "id": "bundle--8a0d3b7e-5c4f-4a51-9c1e-0d6b2f3a4e5c", "spec_version": "2.0", "objects": [
            {"type": "malware", "id": "malware--5f2c9d4e-7a1b-4c3d-8e9f-0a1b2c3d4e5f", "created": "2017-01-01T00:00:00.000Z",
             "modified": "2017-01-01T00:00:00.000Z", "name": "PoisonIvy", "labels": ["remote-access-trojan"]},
            {"type": "threat-actor", "id": "threat-actor--6f2c9d4e-7a1b-4c3d-8e9f-0a1b2c3d4e5f", "created": "2017-01-01T00:00:00.000Z",
             "modified": "2017-01-01T00:00:00.000Z", "name": "APT1", "labels": ["nation-state"]}]}
            """
        var settings = ImportSettings()
        settings.upgradesSTIX20 = true
        let result = STIX21Reader.read(Array(text.utf8), file: "old.json", settings: settings)
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.map(\.rendered))")
        let notes = result.diagnostics.filter { $0.severity == .note }.map(\.message)
        for change in ["'spec_version' to \"2.1\"", "malware 'labels' to 'malware_types'", "threat-actor 'labels' to 'threat_actor_types'",
                       "'is_family': true", "the bundle's 'spec_version'"] {
            #expect(notes.contains { $0.contains(change) }, "no note for \(change): \(notes)")
        }
        #expect(notes.contains { $0.contains("(2 objects)") })
        let report = try #require(result.report)
        #expect(report.actors.contains { $0.name == "APT1" })
    }
}

struct STIX21ReaderReferenceTests {
    @Test func aReferenceToAnAbsentObjectIsAWarningAtItsLine() throws {
        let text = """
            {"type": "bundle", "id": "bundle--8a0d3b7e-5c4f-4a51-9c1e-0d6b2f3a4e5c", "objects": [
              {"type": "identity", "spec_version": "2.1", "id": "identity--6f2c9d4e-7a1b-4c3d-8e9f-0a1b2c3d4e5f",
               "created": "2023-01-01T00:00:00.000Z", "modified": "2023-01-01T00:00:00.000Z", "name": "present"},
              {"type": "relationship", "spec_version": "2.1", "id": "relationship--7f2c9d4e-7a1b-4c3d-8e9f-0a1b2c3d4e5f",
               "created": "2023-01-01T00:00:00.000Z", "modified": "2023-01-01T00:00:00.000Z",
               "relationship_type": "located-at", "source_ref": "identity--6f2c9d4e-7a1b-4c3d-8e9f-0a1b2c3d4e5f",
               "target_ref": "location--1f2c9d4e-7a1b-4c3d-8e9f-0a1b2c3d4e5f"}]}
            """
        let result = STIX21Reader.read(Array(text.utf8), file: "b.json")
        #expect(result.report?.actors.map(\.name) == ["present"], "a dangling reference does not stop the import")
        let warnings = result.diagnostics.filter { $0.severity == .warning }.map(\.rendered)
        #expect(warnings.count == 1)
        #expect(warnings.first?.hasPrefix(
            "b.json:7:18: warning: 'target_ref' refers to location--1f2c9d4e-7a1b-4c3d-8e9f-0a1b2c3d4e5f, which is not in the bundle") == true,
            "\(warnings)")
    }
}

struct STIX21ReaderLimitTests {
    @Test func objectCountAndStringLengthAreBounded() throws {
        let bytes = try STIX21WriterTests.bundle(RichReport.make())
        var settings = ImportSettings.default
        settings.limits.maxObjects = 3
        #expect(STIX21Reader.read(bytes, file: "b.json", settings: settings).diagnostics.first?.message.contains("more than the limit of 3") == true)
        settings = .default
        settings.limits.maxScalarBytes = 8
        let result = STIX21Reader.read(bytes, file: "b.json", settings: settings)
        #expect(result.report == nil)
        #expect(result.diagnostics.first?.message == "a string longer than 8 bytes")
    }
}
