import Export
import ExportTestSupport
import Foundation
import Testing

/// Links import as meant (issue 17): wire types OpenCTI accepts, and our own types recovered on import, from
/// today's bundles and from those written before `link_type` existed.
struct STIXRelationshipTypingTests {
    static let objectExtension = "extension-definition--2666f06c-092a-4e41-8f8b-12e2db73ea52"

    static func objects(_ report: ThreatReport) throws -> [JSONValue] {
        try LocatedJSONReader.read(STIX21WriterTests.bundle(report)).value["objects"]?.arrayValue ?? []
    }

    @Test func noTypeOpenCTIRejectsAndEveryRelatedToSaysWhatItMeans() throws {
        let relationships = try Self.objects(SampleScenario.report()).filter { $0["type"] == "relationship" }
        let types = Set(relationships.compactMap { $0["relationship_type"]?.stringValue })
        #expect(types.isDisjoint(with: ["member-of", "responds-to", "supports-response-to", "supports", "supported-by"]))
        #expect(types.isSubset(of: ["attributed-to", "targets", "located-at", "part-of", "related-to"]), "\(types)")
        for relationship in relationships where relationship["relationship_type"] == "related-to" {
            #expect(relationship["description"]?.stringValue?.isEmpty == false, "\(relationship)")
            #expect(relationship["extensions"]?[Self.objectExtension]?["link_type"] != nil, "\(relationship)")
        }
    }

    /// A bundle as exportctl wrote it before issue 17 (our own types on the wire, no `link_type`, no label)
    /// reads to the same model.
    @Test func bundlesWithTheOldTypesStillRead() throws {
        let report = try SampleScenario.report()
        var bundle = try LocatedJSONReader.read(STIX21WriterTests.bundle(report)).value
        let objects = (bundle["objects"]?.arrayValue ?? []).map { object -> JSONValue in
            guard object["type"] == "relationship", var fields = object.objectValue,
                var ext = fields["extensions"]?[Self.objectExtension]?.objectValue,
                let linkType = ext.removeValue(forKey: "link_type")
            else { return object }
            // The labels a related-to gets were not written before.
            if let label = fields["description"]?.stringValue, Self.labels.contains(label) { fields["description"] = nil }
            fields["relationship_type"] = linkType
            var extensions = fields["extensions"]?.objectValue ?? [:]
            extensions[Self.objectExtension] = .object(ext)
            fields["extensions"] = .object(extensions)
            return .object(fields)
        }
        #expect(objects.contains { $0["relationship_type"] == "member-of" })
        #expect(objects.contains { $0["relationship_type"] == "responds-to" })
        bundle = bundle.setting([.key("objects")], to: .array(objects))
        let result = STIX21Reader.read(CanonicalJSON.bytes(bundle), file: "old.json")
        let back = try #require(result.report, "\(result.diagnostics.map(\.rendered))")
        #expect(STIX21ReaderTests.reportJSON(back) == STIX21ReaderTests.reportJSON(report))
    }

    static let labels: Set<String> = ["member of", "responds to", "supports the response to", "located at", "attributed to", "targets"]
}
