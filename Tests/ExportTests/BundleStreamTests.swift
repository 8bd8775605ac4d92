@testable import Export
import ExportTestSupport
import Testing

/// The bundle writer streams the report's `object_refs`; the bytes must be those of the list written whole.
struct BundleStreamTests {
    func bytes(_ objects: [JSONObjectBuilder], streamingLast refs: [String]?) throws -> [UInt8] {
        var sink = MemorySink()
        var bundle = BundleStream()
        try bundle.open(id: "bundle--1", to: &sink)
        for (index, object) in objects.enumerated() {
            if index == objects.count - 1, let refs {
                try bundle.append(STIXObjectRecord(object, streaming: ("object_refs", refs)), to: &sink)
            } else {
                try bundle.append(STIXObjectRecord(object), to: &sink)
            }
        }
        try bundle.close(to: &sink)
        return sink.bytes
    }

    func report(_ refs: JSONValue) -> JSONObjectBuilder {
        var object = JSONObjectBuilder()
        object["type"] = "report"
        object["name"] = "r \"quoted\" ü"
        object["object_refs"] = refs
        object["published"] = "2024-01-01T00:00:00.000Z"
        object["extensions"] = .object(["x": .object(["object_refs": .array(["nested"])])])
        return object
    }

    @Test(arguments: [0, 1, 3, 40_000])
    func streamedRefsEqualTheListWrittenWhole(count: Int) throws {
        var random = SplitMix64(seed: UInt64(count))
        let refs = (0..<count).map { "relationship--\($0)-\(random.next())\($0 % 7 == 0 ? "\\\"\u{1}" : "")" }
        var first = JSONObjectBuilder()
        first["id"] = "identity--1"
        let whole = try bytes([first, report(.array(refs.map(JSONValue.string)))], streamingLast: nil)
        let streamed = try bytes([first, report(.null)], streamingLast: refs)
        #expect(streamed == whole)
        // On its own (a TAXII envelope's element), the object is the canonical JSON of the list written whole.
        var alone: [UInt8] = []
        CanonicalJSON.write(report(.array(refs.map(JSONValue.string))).value, indent: 2, into: &alone)
        #expect(STIXObjectRecord(report(.null), streaming: ("object_refs", refs)).bytes == alone)
    }

    @Test func aStreamedObjectMayComeFirstOrBeEmpty() throws {
        #expect(try bytes([JSONObjectBuilder()], streamingLast: ["a"]) == bytes([JSONObjectBuilder()], streamingLast: nil))
        let whole = try bytes([report(.array(["a", "b"]))], streamingLast: nil)
        #expect(try bytes([report(.null)], streamingLast: ["a", "b"]) == whole)
    }
}
