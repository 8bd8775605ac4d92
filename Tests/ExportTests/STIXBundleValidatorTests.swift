import Export
import ExportTestSupport
import Foundation
import Testing

/// exportctl's own STIX checks, compared with stix2-validator in both directions.
struct STIXBundleValidatorTests {
    struct Verdict: Decodable {
        var file: String
        var valid: Bool
        var errors: [String]
        var warnings: [String]
    }

    /// stix2-validator's verdict (default settings) for each file, in one process.
    static func oracleVerdicts(_ files: [URL]) throws -> [String: Verdict] {
        let result = try Oracle.runScript("stix_validate_many.py", files.map(\.path))
        #expect(result.status == 0, "\(result.errors)")
        var verdicts: [String: Verdict] = [:]
        for line in result.output.split(separator: "\n") {
            let verdict = try JSONDecoder().decode(Verdict.self, from: Data(line.utf8))
            verdicts[verdict.file] = verdict
        }
        return verdicts
    }

    static func ours(_ file: URL, strict: Bool = false) throws -> [Diagnostic] {
        STIXBundleValidator.validate(bytes: Array(try Data(contentsOf: file)), file: file.lastPathComponent, strict: strict)
    }

    static func richBundle() throws -> JSONValue {
        try LocatedJSONReader.read(STIX21WriterTests.bundle(RichReport.make())).value
    }

    static func write(_ value: JSONValue, name: String, in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try Data(CanonicalJSON.bytes(value)).write(to: url)
        return url
    }

    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stix-validate-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func agreesWithStix2ValidatorOnBrokenBundles() throws {
        let folder = try Self.folder()
        let cases = BrokenBundles.cases(from: try Self.richBundle())
        #expect(cases.count >= 30)
        var files: [(String, URL)] = []
        for (index, broken) in cases.enumerated() {
            files.append((broken.name, try Self.write(broken.bundle, name: "broken-\(index).json", in: folder)))
        }
        let verdicts = try Self.oracleVerdicts(files.map(\.1))
        for (name, file) in files {
            let oracle = try #require(verdicts[file.path])
            let findings = try Self.ours(file)
            #expect(!oracle.valid, "stix2-validator accepts '\(name)'; the case breaks no rule it enforces")
            #expect(findings.hasErrors, "exportctl accepts '\(name)', stix2-validator says: \(oracle.errors)")
        }
    }

    @Test func agreesWithStix2ValidatorOnValidBundles() throws {
        let folder = try Self.folder()
        var files = [try Self.write(try Self.richBundle(), name: "rich.json", in: folder)]
        let scenario = folder.appendingPathComponent("scenario.json")
        try Data(STIX21WriterTests.scenarioBundle()).write(to: scenario)
        files.append(scenario)
        let made = try Oracle.runScript("stix2_make_bundles.py", [folder.appendingPathComponent("python-stix2").path])
        #expect(made.status == 0, "\(made.errors)")
        files += made.output.split(separator: "\n").map { URL(fileURLWithPath: String($0)) }
        let examples = try ShippedExamples.files()
        #expect(examples.count == 8)
        files += examples
        let verdicts = try Self.oracleVerdicts(files)
        for file in files {
            let oracle = try #require(verdicts[file.path])
            let findings = try Self.ours(file)
            #expect(oracle.valid, "stix2-validator rejects \(file.lastPathComponent): \(oracle.errors)")
            #expect(!findings.hasErrors, "\(file.lastPathComponent): \(findings.map(\.rendered))")
        }
    }
}

/// Where exportctl is deliberately stricter than stix2-validator: one test per rule.
struct STIXBundleValidatorStricterTests {
    @Test(arguments: BrokenBundles.stricterCases)
    func stricterThanStix2Validator(_ name: String) throws {
        let folder = try STIXBundleValidatorTests.folder()
        let broken = try #require(BrokenBundles.stricter(name, from: try STIXBundleValidatorTests.richBundle()))
        let file = try STIXBundleValidatorTests.write(broken, name: "stricter.json", in: folder)
        let verdict = try #require(try STIXBundleValidatorTests.oracleVerdicts([file])[file.path])
        #expect(verdict.valid, "stix2-validator now rejects '\(name)' too: \(verdict.errors)")
        let findings = try STIXBundleValidatorTests.ours(file)
        #expect(findings.hasErrors, "exportctl accepts '\(name)'")
    }
}

/// Findings of exportctl's own checks: where they point, and how --strict and warnings behave.
struct STIXBundleValidatorFindingTests {
    @Test func ourBundleHasNoFindingAtAll() throws {
        let bytes = try STIX21WriterTests.bundle(RichReport.make())
        #expect(STIXBundleValidator.validate(bytes: bytes, file: "rich.json", strict: true).isEmpty)
    }

    @Test func syntaxErrorsCarryLineAndColumn() {
        let findings = STIXBundleValidator.validate(bytes: Array("{\n  \"type\": \"bundle\",\n  \"objects\": [}\n".utf8), file: "b.json")
        #expect(findings.map(\.rendered).first?.hasPrefix("b.json:3:15: error:") == true)
    }

    @Test func findingsPointAtTheProperty() {
        let text = """
            {"type": "bundle", "id": "bundle--8a0d3b7e-5c4f-4a51-9c1e-0d6b2f3a4e5c", "objects": [
              {"type": "identity", "spec_version": "2.1", "id": "identity--5f2c9d4e-7a1b-4c3d-8e9f-0a1b2c3d4e5f",
               "created": "2023-11-15T00:00:00Z", "modified": "2023-11-15T00:00:00.000Z", "name": "X"}]}
            """
        let findings = STIXBundleValidator.validate(bytes: Array(text.utf8), file: "b.json")
        #expect(findings.map(\.rendered) == [
            "b.json:3:15: error: 'created' 2023-11-15T00:00:00Z must be precise to the millisecond\n  hint: write e.g. 2023-11-15T00:00:00.000Z"
        ])
    }

    @Test func warningsBecomeErrorsOnlyWhenStrict() {
        let text = """
            {"type": "bundle", "id": "bundle--8a0d3b7e-5c4f-4a51-9c1e-0d6b2f3a4e5c", "objects": [
              {"type": "threat-actor", "spec_version": "2.1", "id": "threat-actor--5f2c9d4e-7a1b-4c3d-8e9f-0a1b2c3d4e5f",
               "created": "2023-11-15T00:00:00.000Z", "modified": "2023-11-15T00:00:00.000Z", "name": "X",
               "threat_actor_types": ["cyber-mercenary"],
               "created_by_ref": "identity--0f2c9d4e-7a1b-4c3d-8e9f-0a1b2c3d4e5f"}]}
            """
        let relaxed = STIXBundleValidator.validate(bytes: Array(text.utf8), file: "b.json")
        #expect(relaxed.count == 2)
        #expect(relaxed.allSatisfy { $0.severity == .warning })
        #expect(relaxed[0].message.contains("cyber-mercenary"))
        #expect(relaxed[1].message.contains("not in the bundle"))
        #expect(STIXBundleValidator.validate(bytes: Array(text.utf8), file: "b.json", strict: true).hasErrors)
    }

    @Test func errataVocabularyValuesAreAccepted() {
        let text = """
            {"type": "identity", "spec_version": "2.1", "id": "identity--5f2c9d4e-7a1b-4c3d-8e9f-0a1b2c3d4e5f",
             "created": "2023-11-15T00:00:00.000Z", "modified": "2023-11-15T00:00:00.000Z", "name": "X",
             "sectors": ["legal"]}
            """
        #expect(STIXBundleValidator.validate(bytes: Array(text.utf8), file: "o.json", strict: true).isEmpty)
    }

    @Test func stix20BundleGetsAClearMessage() {
        let text = #"{"type": "bundle", "id": "bundle--8a0d3b7e-5c4f-4a51-9c1e-0d6b2f3a4e5c", "spec_version": "2.0", "objects": []}"#
        let findings = STIXBundleValidator.validate(bytes: Array(text.utf8), file: "b.json")
        #expect(findings.first?.message.contains("STIX 2.0") == true)
        #expect(findings.hasErrors)
    }

    @Test func recognisesBundlesAndObjectsOnly() {
        #expect(STIXBundleValidator.recognises(Array(#"{"type": "bundle", "id": "bundle--x"}"#.utf8)))
        #expect(STIXBundleValidator.recognises(Array(#"{"spec_version": "2.1", "id": "identity--x", "type": "identity"}"#.utf8)))
        #expect(!STIXBundleValidator.recognises(Array("title: A report\n".utf8)))
        #expect(!STIXBundleValidator.recognises(Array(#"{"title": "A report"}"#.utf8)))
    }
}

/// The streamed file check finds exactly what the in-memory check finds.
struct STIXBundleValidatorStreamingTests {
    @Test func streamingAgreesWithInMemoryOnEveryCase() throws {
        let folder = try STIXBundleValidatorTests.folder()
        let rich = try STIXBundleValidatorTests.richBundle()
        var files = [try STIXBundleValidatorTests.write(rich, name: "rich.json", in: folder)]
        for (index, broken) in BrokenBundles.cases(from: rich).enumerated() {
            files.append(try STIXBundleValidatorTests.write(broken.bundle, name: "broken-\(index).json", in: folder))
        }
        for (index, name) in BrokenBundles.stricterCases.enumerated() {
            let broken = try #require(BrokenBundles.stricter(name, from: rich))
            files.append(try STIXBundleValidatorTests.write(broken, name: "stricter-\(index).json", in: folder))
        }
        let syntax = folder.appendingPathComponent("syntax.json")
        try Data("{\n  \"type\": \"bundle\", \"id\": \"bundle--8a0d3b7e-5c4f-4a51-9c1e-0d6b2f3a4e5c\",\n  \"objects\": [{\"type\": \"identity\",}]\n}\n".utf8).write(to: syntax)
        files.append(syntax)
        files += try ShippedExamples.files()
        for file in files {
            let bytes = Array(try Data(contentsOf: file))
            let inMemory = STIXBundleValidator.validate(bytes: bytes, file: "f.json")
            let streamed = try STIXBundleValidator.validate(path: file.path, name: "f.json")
            #expect(streamed == inMemory, "\(file.lastPathComponent)")
        }
    }

    /// A report whose `object_refs` (streamed element by element from a file) holds good, forward, missing,
    /// malformed and mistyped references: the file check finds what the in-memory check finds, each at its
    /// element; a second report breaks JSON inside its list, and only that syntax error is reported for it.
    @Test func streamedReferenceListsAgreeWithInMemory() throws {
        let folder = try STIXBundleValidatorTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let stamps = #""created": "2020-01-01T00:00:00.000Z", "modified": "2020-01-01T00:00:00.000Z""#
        let identity = "identity--5f2c9d4e-7a1b-4c3d-8e9f-0a1b2c3d4e5f"
        let later = "identity--6f2c9d4e-7a1b-4c3d-8e9f-0a1b2c3d4e5f"
        let report = { (id: Int, refs: String) in
            #"{"type": "report", "spec_version": "2.1", "id": "report--\#(id)f2c9d4e-7a1b-4c3d-8e9f-0a1b2c3d4e5f", \#(stamps), "name": "r", "published": "2020-01-01T00:00:00Z", "object_refs": [\#(refs)]}"#
        }
        let refs = """
            "\(identity)",
              "\(later)", 7, "not-an-id",
              "identity--7f2c9d4e-7a1b-4c3d-8e9f-0a1b2c3d4e5f", {"a": 1},
              "\(identity)"
            """
        // Objects without a valid type are reported for that alone, their lists' elements unchecked.
        let missing = "identity--8f2c9d4e-7a1b-4c3d-8e9f-0a1b2c3d4e5f"
        let objects = [
            report(1, refs),
            #"{"type": "identity", "spec_version": "2.1", "id": "\#(identity)", \#(stamps), "name": "a"}"#,
            #"{"type": "identity", "spec_version": "2.1", "id": "\#(later)", \#(stamps), "name": "b"}"#,
            #"{"id": "report--9f2c9d4e-7a1b-4c3d-8e9f-0a1b2c3d4e5f", "object_refs": ["bad1", "bad2", "\#(missing)"]}"#,
            #"{"type": "Not A Type", "object_refs": ["bad1", "bad2", "\#(missing)"]}"#,
        ]
        let wrap = { (objects: [String]) in
            #"{"type": "bundle", "id": "bundle--8a0d3b7e-5c4f-4a51-9c1e-0d6b2f3a4e5c", "objects": [\#n"#
                + objects.joined(separator: ",\n") + "\n]}\n"
        }
        let bundle = wrap(objects)
        let file = folder.appendingPathComponent("refs.json")
        try Data(bundle.utf8).write(to: file)
        let inMemory = STIXBundleValidator.validate(bytes: Array(bundle.utf8), file: "f.json")
        let streamed = try STIXBundleValidator.validate(path: file.path, name: "f.json")
        #expect(streamed == inMemory)
        #expect(inMemory.filter { $0.message.contains("'object_refs' must hold an identifier") }.count == 3)
        #expect(inMemory.filter { $0.message.contains("not in the bundle") }.count == 1)
        #expect(inMemory.filter { $0.message.contains("'type'") }.count == 2)

        try Data(wrap(objects + [report(2, #""not-an-id", "x" "y""#)]).utf8).write(to: file)
        let brokenFindings = try STIXBundleValidator.validate(path: file.path, name: "f.json")
        let last = try #require(brokenFindings.last)
        #expect(last.message == "expected ',' or ']' in a list")
        #expect(brokenFindings.dropLast() == streamed[...])
    }

    /// Versions of one id: the streamed check compares them on its second pass, and finds what the
    /// in-memory check finds, at the same places.
    @Test func repeatedVersionsAgreeWithInMemory() throws {
        let folder = try STIXBundleValidatorTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let identity = { (id: String, modified: String) in
            #"{"type": "identity", "spec_version": "2.1", "id": "identity--\#(id)f2c9d4e-7a1b-4c3d-8e9f-0a1b2c3d4e5f", "created": "2020-01-01T00:00:00.000Z", "modified": "\#(modified)", "name": "a"}"#
        }
        let (a, b) = ("2020-01-01T00:00:00.000Z", "2021-01-01T00:00:00.000Z")
        let objects = [identity("5", a), identity("6", a), identity("5", b), identity("5", a), identity("7", a), identity("6", a)]
        let bundle = #"{"type": "bundle", "id": "bundle--8a0d3b7e-5c4f-4a51-9c1e-0d6b2f3a4e5c", "objects": [\#n"#
            + objects.joined(separator: ",\n") + "\n]}\n"
        let file = folder.appendingPathComponent("versions.json")
        try Data(bundle.utf8).write(to: file)
        let inMemory = STIXBundleValidator.validate(bytes: Array(bundle.utf8), file: "f.json")
        let streamed = try STIXBundleValidator.validate(path: file.path, name: "f.json")
        #expect(streamed == inMemory)
        #expect(inMemory.map { $0.location?.line } == [5, 7])
        #expect(inMemory.allSatisfy { $0.message.contains("appears twice with the same 'modified'") })
    }
}
