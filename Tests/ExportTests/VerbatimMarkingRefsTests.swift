import Export
import ExportTestSupport
import Foundation
import Testing

/// An object kept as it came (one exportctl does not model) may reference a releasable-to marking that exportctl
/// regenerates rather than keeps: the re-export must ship that marking and point the object at it, even when no
/// modelled object uses it, and whatever id another producer gave it. (Found by the IOC benchmark: a re-export
/// dropped a marking only relationships used, leaving `object_marking_refs` pointing outside the bundle.)
struct VerbatimMarkingRefsTests {
    static let tlpAmber = "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421"

    @Test func aKeptObjectsReleasableToMarkingShipsAndResolves() throws {
        let sample = try SharingImportedContentTests.bundleBytes([])
        let objects = try #require(try LocatedJSONReader.read(sample).value["objects"]?.arrayValue)
        // Another producer's copy of one of the sample's releasable-to markings: same list, another id.
        let acs = try #require(objects.first {
            $0["type"]?.stringValue == "marking-definition" && $0["extensions"].map { "\($0)".contains("releasable_to") } == true
        })
        guard case .object(var foreign) = acs else { throw ExportError(.internal, "not an object") }
        let foreignID = "marking-definition--6f1e2d3c-4b5a-4c6d-8e7f-0a1b2c3d4e5f"
        foreign["id"] = .string(foreignID)
        let kept = SharingImportedContentTests.object(
            "infrastructure", "infrastructure--3f0c6e58-7a1d-4b2e-9c4f-5d6e7f8a9b0c",
            ["name": "Relay box", "object_marking_refs": .array([.string(Self.tlpAmber), .string(foreignID)])])
        let report = try SharingImportedContentTests.sampleWith([.object(foreign), kept])
        var sink = MemorySink()
        _ = try STIX21Writer().write(ReleasedReport(everythingIn: report), options: .default, to: &sink)
        let written = try #require(try LocatedJSONReader.read(sink.bytes).value["objects"]?.arrayValue)
        let ids = Set(written.compactMap { $0["id"]?.stringValue })
        let infrastructure = try #require(written.first { $0["type"]?.stringValue == "infrastructure" })
        let refs = try #require(infrastructure["object_marking_refs"]?.arrayValue).compactMap(\.stringValue)
        #expect(refs.count == 2 && refs.allSatisfy(ids.contains), "\(refs) must all be in the bundle")
        #expect(!ids.contains(foreignID), "the regenerated marking replaces the other producer's copy")
        let findings = STIXBundleValidator.validate(bytes: sink.bytes, file: "re.json")
        #expect(!findings.contains { $0.message.contains("not in the bundle") }, "\(findings.map(\.message))")
        let file = try STIX21WriterTests.temporaryFile(sink.bytes, name: "re.json")
        let validator = try Oracle.runVenvTool(
            "stix2_validator", ["--strict", "-d", try STIX21WriterTests.disabledChecks(for: sink.bytes), file.path])
        #expect(validator.status == 0, "\(validator.output.suffix(1_500))")
    }
}
