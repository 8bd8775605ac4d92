import Export
import ExportTestSupport
import Foundation
import Testing

/// Indicators, cyber-observables, malware and tools in STIX 2.1, checked by stix2-validator, python-stix2
/// (`allow_custom=False`) and the OASIS pattern validator.
struct STIX21DetectionWriterTests {
    static func report() throws -> ThreatReport {
        let read = AuthoringReader.read(Array(AuthoringReaderDetectionTests.document.utf8), file: "d.yaml")
        return try #require(read.report)
    }

    static func objects(_ bytes: [UInt8]) throws -> [JSONValue] {
        try #require(LocatedJSONReader.read(bytes).value["objects"]?.arrayValue)
    }

    /// stix2-validator (strict), python-stix2 (`allow_custom=False`) and the OASIS pattern validator on `bytes`;
    /// returns the pattern validator's output.
    @discardableResult
    static func expectOraclesAccept(_ bytes: [UInt8]) throws -> String {
        let file = try STIX21WriterTests.temporaryFile(bytes)
        let validator = try Oracle.runVenvTool(
            "stix2_validator", ["--strict", "-d", try STIX21WriterTests.disabledChecks(for: bytes), file.path])
        #expect(validator.status == 0, "\(validator.output)\(validator.errors)")
        let parsed = try Oracle.runScript("stix2_parse.py", [file.path])
        #expect(parsed.status == 0, "\(parsed.output)\(parsed.errors)")
        let patterns = try Oracle.runScript("stix2_patterns_check.py", ["--bundle", file.path])
        #expect(patterns.status == 0, "\(patterns.output)\(patterns.errors)")
        return patterns.output
    }

    @Test func bundlePassesEveryOracle() throws {
        let bytes = try STIX21WriterTests.bundle(Self.report())
        let patterns = try Self.expectOraclesAccept(bytes)
        #expect(patterns.split(separator: "\n").count == 1)
        #expect(STIXBundleValidator.validate(bytes: bytes, file: "d.json").isEmpty)
        #expect(bytes == (try STIX21WriterTests.bundle(Self.report())), "two exports differ")
    }

    @Test func objectsAndRelationshipsAreTheSpecs() throws {
        let objects = try Self.objects(STIX21WriterTests.bundle(Self.report()))
        func first(_ type: String) -> JSONValue? { objects.first { $0["type"]?.stringValue == type } }
        let indicator = try #require(first("indicator"))
        #expect(indicator["pattern"]?.stringValue == "[ipv4-addr:value = '203.0.113.5']")
        #expect(indicator["pattern_type"]?.stringValue == "stix")
        #expect(indicator["valid_from"]?.stringValue == "2023-01-10T00:00:00.000Z")
        #expect(indicator["valid_until"]?.stringValue == "2023-12-31T23:59:59.999Z")
        #expect(indicator["kill_chain_phases"]?.arrayValue?.count == 1)
        let address = try #require(first("ipv4-addr"))
        #expect(address["created_by_ref"] == nil && address["created"] == nil)
        #expect(address["id"]?.stringValue == "ipv4-addr--" + StableID.uuid5(namespace: SCOIdentity.namespace, name: "{\"value\":\"203.0.113.5\"}"))
        #expect(first("malware")?["is_family"] == .bool(true))
        #expect(first("tool")?["tool_types"]?.arrayValue == ["remote-access"])
        let types = objects.filter { $0["type"]?.stringValue == "relationship" }.compactMap { relationship -> String? in
            let source = relationship["source_ref"]?.stringValue?.split(separator: "--").first ?? ""
            let target = relationship["target_ref"]?.stringValue?.split(separator: "--").first ?? ""
            return "\(source) \(relationship["relationship_type"]?.stringValue ?? "") \(target)"
        }
        #expect(Set(types).isSuperset(of: [
            "indicator indicates threat-actor", "indicator indicates malware", "indicator based-on ipv4-addr",
            "threat-actor uses malware", "threat-actor uses tool", "incident related-to ipv4-addr",
        ]), "\(types)")
        let involves = objects.first { $0["relationship_type"]?.stringValue == "related-to" && $0["source_ref"]?.stringValue?.hasPrefix("incident--") == true }
        #expect(involves?["description"]?.stringValue == "involves")
    }

    /// The spec's test vectors (python-stix2 3.0.2, /work/shared/reference/stix21.md section 2).
    @Test func observableIDsFollowTheSpec() {
        #expect(SCOIdentity.stixID(of: Observable(id: "a", kind: .ipv4, value: "198.51.100.3"))
                == "ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4")
        #expect(SCOIdentity.stixID(of: Observable(id: "b", kind: .domain, value: "bücher.example"))
                == "domain-name--dbf3aff2-b3cd-57d2-9616-0ddfde9d01ad")
        #expect(SCOIdentity.stixID(of: Observable(id: "c", kind: .email, value: "jdoe@example.com"))
                == "email-addr--6deb37bd-12b7-54ae-805f-5f7146f3d171")
        let file = Observable(id: "d", kind: .file, hashes: [
            FileHash(.md5, "d41d8cd98f00b204e9800998ecf8427e"),
            FileHash(.sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ], fileName: "a.exe")
        #expect(SCOIdentity.stixID(of: file) == "file--7e567502-8994-53ff-9c69-79240cae362d")
    }

    /// Our pattern checker and the OASIS validator agree on every pattern our own tests accept or refuse.
    @Test func patternCheckerAgreesWithTheOASISValidator() throws {
        let accepted = STIXPatternTests.acceptedPatterns
        let refused = STIXPatternTests.refusedPatterns.map(\.0).filter { !$0.isEmpty }
        let file = try STIX21WriterTests.temporaryFile(CanonicalJSON.bytes(.array((accepted + refused).map(JSONValue.string))))
        let result = try Oracle.runScript("stix2_patterns_check.py", ["--lines", file.path])
        try #require(result.status == 0, "\(result.errors)")
        let verdicts = try result.output.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        try #require(verdicts.count == accepted.count + refused.count)
        for (index, verdict) in verdicts.enumerated() {
            let pattern = verdict["pattern"] as? String ?? ""
            let ours = STIXPattern.problem(in: pattern) == nil
            // The OASIS validator checks syntax, not object paths: a refused path is a stricter verdict of ours.
            if index < accepted.count || (verdict["valid"] as? Bool) == false {
                #expect(ours == (verdict["valid"] as? Bool), "\(pattern): ours \(ours), OASIS \(verdict["errors"] ?? "")")
            }
        }
    }
}
