@testable import Export
import ExportTestSupport
import Foundation
import Testing

/// Issue 15, item 4: `validate` reports what import refuses, two objects with one local id, at the line of the
/// second, whether the bundle is checked in memory or streamed from a file.
struct RepeatedLocalIDValidationTests {
    static let ours = "extension-definition--2666f06c-092a-4e41-8f8b-12e2db73ea52"

    static func actor(_ uuid: String, localID: String?, modified: String = "2023-11-01T00:00:00.000Z") -> String {
        let ext = localID.map { #", "extensions": {"\#(ours)": {"extension_type": "property-extension", "local_id": "\#($0)"}}"# } ?? ""
        return #"{"type": "threat-actor", "spec_version": "2.1", "id": "threat-actor--\#(uuid)", "created": "2023-11-01T00:00:00.000Z", "modified": "\#(modified)", "name": "A"\#(ext)}"#
    }

    static func bundle(_ objects: [String]) -> String {
        "{\"type\": \"bundle\", \"id\": \"bundle--7b7f8a5e-0000-4000-8000-0000000000ff\", \"objects\": [\n"
            + objects.joined(separator: ",\n") + "\n]}\n"
    }

    /// The findings of both checks, which must agree.
    static func findings(_ text: String) throws -> [String] {
        let inMemory = STIXBundleValidator.validate(bytes: Array(text.utf8), file: "b.json").filter { $0.severity == .error }
        let folder = try RepositoryPaths.makeTemporaryDirectory()
        let path = folder.appendingPathComponent("b.json").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let streamed = try STIXBundleValidator.validate(path: path, name: "b.json").filter { $0.severity == .error }
        #expect(inMemory.map(\.rendered) == streamed.map(\.rendered))
        return streamed.map(\.rendered)
    }

    @Test func twoObjectsWithOneLocalIDAreAnError() throws {
        let errors = try Self.findings(Self.bundle([
            Self.actor("7b7f8a5e-0000-4000-8000-00000000000a", localID: "twin"),
            Self.actor("7b7f8a5e-0000-4000-8000-00000000000c", localID: "other"),
            Self.actor("7b7f8a5e-0000-4000-8000-00000000000b", localID: "twin"),
        ]))
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.hasPrefix("b.json:4:") == true, "\(errors)")
        #expect(errors.first?.contains("local id 'twin' of threat-actor--7b7f8a5e-0000-4000-8000-00000000000b is already the local id of threat-actor--7b7f8a5e-0000-4000-8000-00000000000a (line 2)") == true, "\(errors)")
    }

    @Test func aLocalIDThatIsAnotherObjectsIDIsAnError() throws {
        let first = "threat-actor--7b7f8a5e-0000-4000-8000-00000000000a"
        let errors = try Self.findings(Self.bundle([
            Self.actor("7b7f8a5e-0000-4000-8000-00000000000b", localID: first),
            Self.actor("7b7f8a5e-0000-4000-8000-00000000000a", localID: nil),
        ]))
        #expect(errors.count == 1 && errors.first?.hasPrefix("b.json:3:") == true, "\(errors)")
    }

    @Test func versionsOfOneObjectShareTheirLocalID() throws {
        let errors = try Self.findings(Self.bundle([
            Self.actor("7b7f8a5e-0000-4000-8000-00000000000a", localID: "one"),
            Self.actor("7b7f8a5e-0000-4000-8000-00000000000a", localID: "one", modified: "2023-11-02T00:00:00.000Z"),
        ]))
        #expect(errors.isEmpty, "\(errors)")
    }
}
