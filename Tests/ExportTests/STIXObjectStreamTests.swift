import Export
import ExportTestSupport
import Foundation
import Testing

/// The per-object STIX 2.1 stream the bundle writer (and a TAXII server) use: one record per object of the
/// bundle, in its order, each with the id, type, modified and label its JSON holds.
struct STIXObjectStreamTests {
    @Test func recordsAreTheBundlesObjectsInOrder() throws {
        let report = try SampleScenario.report()
        let recipient = try Recipient.resolve("JPN", in: report)
        let view = try SharingPolicy().view(report, for: recipient).view
        var sink: any ByteSink = MemorySink()
        _ = try STIX21Writer().write(view, options: .default, to: &sink)
        let bundle = try #require(
            try JSONSerialization.jsonObject(with: Data((sink as? MemorySink)?.bytes ?? [])) as? [String: Any])
        let objects = try #require(bundle["objects"] as? [[String: Any]])
        let records = Array(STIXObjectStream(view))
        #expect(records.map(\.id) == objects.map { $0["id"] as? String ?? "" })
        for (record, object) in zip(records, objects) {
            let alone = try #require(try JSONSerialization.jsonObject(with: Data(record.bytes)) as? [String: Any])
            #expect(NSDictionary(dictionary: alone).isEqual(to: object), "\(record.id)")
            #expect(record.type == object["type"] as? String)
            #expect(record.modified == (object["modified"] ?? object["created"]) as? String)
            let authored = record.type != "marking-definition" && record.type != "extension-definition"
            #expect((record.label != nil) == (authored && object["object_marking_refs"] != nil), "\(record.id)")
        }
        let labelled = try #require(records.first { $0.type == "threat-actor" && $0.label != nil })
        #expect(labelled.label?.tlp != nil)
    }

    @Test func theStreamEndsOnceAndKnowsItWroteTheReport() throws {
        var stream = STIXObjectStream(ReleasedReport(everythingIn: try SampleScenario.report()))
        while stream.next() != nil {}
        #expect(stream.wroteReport)
        #expect(stream.next() == nil)
    }
}
