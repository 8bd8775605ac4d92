@testable import Export
import ExportTestSupport
import Foundation
import Testing

/// Issue 21's finding on a vendor feed: `tlp` marking definitions under the vendor's own ids (the form OpenCTI
/// writes). stix2-validator rejects them and so does `validate`; import reads the level with a warning, the
/// export releases exactly what that level releases and writes the spec's definition instead, and a variant
/// that says more than one level, or disagrees with its name, stays not understood.
struct VendorTLPVariantTests {
    static let variant = "marking-definition--4cdff7eb-acb8-543f-8573-829eb9fe8b34"

    static func bundle(definition: [String: JSONValue], name: String = "TLP:CLEAR") -> String {
        var marking: [String: JSONValue] = [
            "type": "marking-definition", "spec_version": "2.1", "id": .string(variant),
            "created": "2022-09-01T00:00:00.000Z", "name": .string(name),
        ]
        for (key, value) in definition { marking[key] = value }
        let indicator: JSONValue = .object([
            "type": "indicator", "spec_version": "2.1", "id": "indicator--1b7f8a5e-0000-4000-8000-000000000001",
            "created": "2023-01-01T00:00:00.000Z", "modified": "2023-01-01T00:00:00.000Z",
            "pattern": "[ipv4-addr:value = '203.0.113.5']", "pattern_type": "stix", "valid_from": "2023-01-01T00:00:00Z",
            "object_marking_refs": .array([.string(variant)]),
        ])
        let bundle: JSONValue = .object([
            "type": "bundle", "id": "bundle--1b7f8a5e-0000-4000-8000-0000000000ff",
            "objects": .array([.object(marking), indicator]),
        ])
        return CanonicalJSON.string(bundle)
    }

    static let openCTIClear: [String: JSONValue] = [
        "definition_type": "TLP", "definition": .object(["TLP": "TLP:CLEAR"]), "x_opencti_order": .int(1),
    ]

    static func file(_ text: String) throws -> URL {
        let file = try RepositoryPaths.makeTemporaryDirectory().appendingPathComponent("b.json")
        try Data(text.utf8).write(to: file)
        return file
    }

    @Test func validateRejectsAVendorTLPDefinitionAsStix2ValidatorDoes() throws {
        let text = Self.bundle(definition: ["definition_type": "tlp", "definition": .object(["tlp": "clear"])])
        let file = try Self.file(text)
        let oracle = try Oracle.runVenvTool("stix2_validator", [file.path])
        #expect(oracle.status != 0, "\(oracle.output)")
        let findings = STIXBundleValidator.validate(bytes: Array(text.utf8), file: "b.json")
        #expect(findings.contains { $0.severity == .error && $0.message.contains("not one of those the STIX specification defines") })
        #expect(try STIXBundleValidator.validate(path: file.path, name: "b.json") == findings)
    }

    @Test(arguments: [
        ["definition_type": "tlp", "definition": .object(["tlp": "clear"])] as [String: JSONValue],
        openCTIClear,
    ])
    func aVariantReadsAsItsLevelWithAWarningAndLeavesAsTheSpecsDefinition(_ definition: [String: JSONValue]) throws {
        let result = STIX21Reader.read(Array(Self.bundle(definition: definition).utf8), file: "b.json")
        let report = try #require(result.report, "\(result.diagnostics)")
        #expect(result.diagnostics.contains { $0.severity == .warning && $0.message.contains("read as TLP:CLEAR") })
        let view = try SharingPolicy().view(report, for: try Recipient.resolve("VNM", in: report)).view
        #expect(Self.releasesIndicator(view.report))
        var sink: any ByteSink = MemorySink()
        _ = try FormatDescriptor.stix21.writer!.write(view, options: .default, to: &sink)
        let output = (sink as? MemorySink)?.string ?? ""
        #expect(!output.contains(Self.variant))
        #expect(output.contains(STIXMarkings.tlpID(.clear)))
        let oracle = try Oracle.runVenvTool("stix2_validator", [try Self.file(output).path])
        #expect(oracle.status == 0, "\(oracle.output)")
    }

    @Test(arguments: [
        ("the name says another level", ["definition_type": "tlp", "definition": .object(["tlp": "clear"])] as [String: JSONValue], "TLP:RED"),
        ("a second property", ["definition_type": "tlp", "definition": .object(["tlp": "clear", "note": "US only"])], "TLP:CLEAR"),
        ("an unknown property", ["definition_type": "tlp", "definition": .object(["tlp": "clear"]), "x_caveat": "NOFORN"], "TLP:CLEAR"),
        ("an unknown level", ["definition_type": "tlp", "definition": .object(["tlp": "white+strict"])], "TLP:CLEAR"),
    ])
    func aVariantThatSaysMoreReleasesNothing(_ name: String, _ definition: [String: JSONValue], _ label: String) throws {
        let result = STIX21Reader.read(Array(Self.bundle(definition: definition, name: label).utf8), file: "b.json")
        let report = try #require(result.report, "\(name): \(result.diagnostics)")
        let view = try SharingPolicy().view(report, for: try Recipient.resolve("VNM", in: report)).view
        #expect(!Self.releasesIndicator(view.report), "\(name)")
    }

    /// Whether the view keeps the bundle's indicator: a model object since issue 22, verbatim if it does not fit.
    static func releasesIndicator(_ view: ThreatReport) -> Bool {
        !view.indicators.isEmpty || view.verbatimObjects.contains { $0["type"] == "indicator" }
    }

    @Test func aSpecIDWhoseCopyStatesAnotherLevelReadsStricter() {
        let copy: [String: JSONValue] = ["definition_type": "tlp", "definition": .object(["tlp": "red"])]
        let read = STIXMarkingReader.read("marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", definition: copy)
        #expect(read.tlp == .red)
    }
}
