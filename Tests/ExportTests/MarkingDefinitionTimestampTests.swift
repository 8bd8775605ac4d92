import Export
import ExportTestSupport
import Foundation
import Testing

/// Issue 16, item 8: a marking definition's `created` may have whole seconds (OASIS's ACS examples do, and
/// stix2-validator accepts it); every other `created`/`modified` still needs milliseconds. stix2-validator
/// is the oracle for each verdict.
struct MarkingDefinitionTimestampTests {
    static func bundle(markingCreated: String, identityCreated: String = "2021-01-01T00:00:00.000Z", extensionCreated: String? = nil) -> String {
        let extensionDefinition = extensionCreated.map { created in
            #", {"type": "extension-definition", "spec_version": "2.1", "id": "extension-definition--9c59fd79-4215-4ba2-920d-3e4f320e1e62", "created_by_ref": "identity--311b2d2d-f010-4473-83ec-1edf84858f4c", "created": ""# + created + #"", "modified": "2021-01-01T00:00:00.000Z", "name": "x", "schema": "https://example.com/s", "version": "1.0", "extension_types": ["property-extension"]}"#
        } ?? ""
        return #"{"type": "bundle", "id": "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d", "objects": ["#
            + #"{"type": "marking-definition", "spec_version": "2.1", "id": "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", "created": ""#
            + markingCreated + #"", "definition_type": "statement", "definition": {"statement": "Copyright 2021"}}, "#
            + #"{"type": "identity", "spec_version": "2.1", "id": "identity--311b2d2d-f010-4473-83ec-1edf84858f4c", "created": ""#
            + identityCreated + #"", "modified": "2021-01-01T00:00:00.000Z", "name": "X", "object_marking_refs": ["marking-definition--f88d31f6-486f-44da-b317-01333bde0b82"]}"#
            + extensionDefinition + "]}"
    }

    static let cases: [(String, String)] = [
        ("marking created in whole seconds", bundle(markingCreated: "2021-01-01T00:00:00Z")),
        ("marking created in tenths", bundle(markingCreated: "2021-01-01T00:00:00.1Z")),
        ("marking created in milliseconds", bundle(markingCreated: "2021-01-01T00:00:00.000Z")),
        ("identity created in whole seconds", bundle(markingCreated: "2021-01-01T00:00:00Z", identityCreated: "2021-01-01T00:00:00Z")),
        ("extension definition created in whole seconds", bundle(markingCreated: "2021-01-01T00:00:00Z", extensionCreated: "2021-01-01T00:00:00Z")),
        ("marking created not a timestamp", bundle(markingCreated: "2021-01-01 00:00:00Z")),
    ]

    @Test(arguments: cases)
    func verdictAgreesWithStix2Validator(_ name: String, _ text: String) throws {
        let folder = try RepositoryPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("b.json")
        try Data(text.utf8).write(to: file)
        let oracle = try Oracle.runVenvTool("stix2_validator", [file.path])
        let inMemory = STIXBundleValidator.validate(bytes: Array(text.utf8), file: "b.json")
        let streamed = try STIXBundleValidator.validate(path: file.path, name: "b.json")
        #expect(inMemory.hasErrors == (oracle.status != 0), "\(name): \(inMemory.map(\.rendered)) vs \(oracle.output)")
        #expect(streamed == inMemory)
    }
}
