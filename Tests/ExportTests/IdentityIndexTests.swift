import Export
import Foundation
import ExportTestSupport
import Testing

/// One identity index answers every writer: an authored object has the same UUIDv5 in every format, and an object
/// imported from a partner's bundle keeps the partner's UUID in STIX 2.1, STIX 1.2 and MISP alike.
struct IdentityIndexTests {
    static let foreignActor = "5f2c9d4e-7a1b-4c3d-8e9f-0a1b2c3d4e5f"
    static let foreignSet = "0b6f6d3c-2a71-4e1f-9d0c-6b3f1e2a4c5d"

    static func importedReport() throws -> ThreatReport {
        let text = """
            {"type": "bundle", "id": "bundle--8a0d3b7e-5c4f-4a51-9c1e-0d6b2f3a4e5c", "objects": [
            {"type": "threat-actor", "spec_version": "2.1", "id": "threat-actor--\(foreignActor)",
             "created": "2023-01-01T00:00:00.000Z", "modified": "2023-01-01T00:00:00.000Z", "name": "Ember Crane"},
            {"type": "intrusion-set", "spec_version": "2.1", "id": "intrusion-set--\(foreignSet)",
             "created": "2023-01-01T00:00:00.000Z", "modified": "2023-01-01T00:00:00.000Z", "name": "Ember Cluster"}
            ]}
            """
        let result = STIX21Reader.read(Array(text.utf8), file: "partner.json")
        return try #require(result.report, "\(result.diagnostics.map(\.rendered))")
    }

    @Test func importedObjectsKeepTheirUUIDInEveryFormat() throws {
        let outputs = try FormatOutputs.all(ReleasedReport(everythingIn: try Self.importedReport()))
        for format in ["stix21", "stix12", "misp"] {
            let output = try #require(outputs.first { $0.format == format }?.output)
            #expect(output.contains(Self.foreignActor), "\(format) names the imported actor with another UUID")
            #expect(output.contains(Self.foreignSet), "\(format) names the imported intrusion set with another UUID")
        }
    }

    @Test func theIndexAnswersWithTheImportedTypeAndTheAuthoredUUIDv5() throws {
        let imported = IdentityIndex(try Self.importedReport())
        let actorID = try #require(try Self.importedReport().actors.first?.id)
        #expect(imported.identity(of: actorID)?.stixID == "threat-actor--\(Self.foreignActor)")
        // STIX 1.2 names a threat actor as an identity too: an imported one keeps its own type and UUID there.
        #expect(imported.identity("identity", actorID).uuid == Self.foreignActor)
        let sample = try SampleScenario.report()
        let authored = IdentityIndex(sample)
        let actor = try #require(sample.actors.first)
        let type = IdentityIndex.stixType(of: actor)
        #expect(authored.identity(of: actor.id)?.uuid == StableID.uuid(producer: sample.producer.id, type: type, localID: actor.id))
        #expect(authored.identity("relationship", actor.id).uuid != authored.identity(of: actor.id)?.uuid)
        #expect(authored.identity(of: "no such object") == nil)
    }

    @Test func theProducerAndTheReportHaveOneUUIDInEveryFormat() throws {
        let report = try SampleScenario.report()
        let ids = IdentityIndex(report)
        let producer = ids.derived("identity", StableID.producerLocalID).uuid
        let reportUUID = ids.derived("report", StableID.reportLocalID).uuid
        var options = FormatOptions.default
        options.validatesOutput = false
        options[MISPFormatOptions.self].events = .perReport
        var sink: any ByteSink = MemorySink()
        _ = try FormatDescriptor.misp.writer!.write(ReleasedReport(everythingIn: report), options: options, to: &sink)
        let misp = (sink as? MemorySink)?.string ?? ""
        let outputs = try FormatOutputs.all(ReleasedReport(everythingIn: report))
        for output in [misp] + ["stix21", "stix12"].compactMap({ name in outputs.first { $0.format == name }?.output }) {
            #expect(output.contains(producer) && output.contains(reportUUID))
        }
    }

    /// STIX lets objects of different types share a UUID; MISP names everything by UUID alone and keeps one object
    /// per UUID, so a partner importing the event would silently lose all but one. The first keeps the UUID, the
    /// others get one of their own, and our MISP validator (stricter than PyMISP here) finds the event clean.
    @Test func importedObjectsSharingAUUIDGetOneEachInMISP() throws {
        let shared = "6a1e3c2b-9d4f-4e8a-b7c6-5d4e3f2a1b0c"
        func object(_ type: String, _ extra: String) -> String {
            #"{"type": "\#(type)", "spec_version": "2.1", "id": "\#(type)--\#(shared)", "created": "2023-01-01T00:00:00.000Z", "#
                + #""modified": "2023-01-01T00:00:00.000Z", \#(extra)}"#
        }
        let text = """
            {"type": "bundle", "id": "bundle--8a0d3b7e-5c4f-4a51-9c1e-0d6b2f3a4e5c", "objects": [
            \(object("threat-actor", #""name": "Ember Crane""#)),
            \(object("intrusion-set", #""name": "Ember Cluster""#)),
            \(object("campaign", #""name": "Ember Rain""#)),
            \(object("identity", #""name": "Ember Holdings", "identity_class": "organization""#))
            ]}
            """
        let read = STIX21Reader.read(Array(text.utf8), file: "partner.json")
        let report = try #require(read.report, "\(read.diagnostics.map(\.rendered))")
        let outputs = try FormatOutputs.all(ReleasedReport(everythingIn: report))
        let misp = try #require(outputs.first { $0.format == "misp" }?.output)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(misp.utf8)) as? [String: Any])
        let events = (root["response"] as? [[String: Any]])?.compactMap { $0["Event"] as? [String: Any] }
            ?? [root["Event"] as? [String: Any]].compactMap { $0 }
        var uuids: [String] = []
        for event in events {
            let objects = event["Object"] as? [[String: Any]] ?? []
            let attributes = (event["Attribute"] as? [[String: Any]] ?? []) + objects.flatMap { $0["Attribute"] as? [[String: Any]] ?? [] }
            let clusters = (event["Galaxy"] as? [[String: Any]] ?? []).flatMap { $0["GalaxyCluster"] as? [[String: Any]] ?? [] }
            uuids += (objects + attributes + clusters).compactMap { $0["uuid"] as? String }
        }
        #expect(uuids.filter { $0 == shared }.count == 1, "\(uuids)")
        #expect(Set(uuids).count == uuids.count, "a UUID repeats in the MISP output: \(uuids)")
        #expect(uuids.count >= 4)
        let findings = try MISPValidator.validate(InputHandle(bytes: Array(misp.utf8), name: "misp.json"))
        #expect(findings.isEmpty, "\(findings.map(\.rendered))")
        // STIX 2.1 keeps every imported id as it was.
        let stix = try #require(outputs.first { $0.format == "stix21" }?.output)
        for type in ["threat-actor", "intrusion-set", "campaign", "identity"] { #expect(stix.contains("\(type)--\(shared)")) }
    }
}
