import Export
import ExportTestSupport
import Foundation
import Testing

/// The MISP writer, checked by PyMISP, misp-stix and stix2-validator (`Tests/oracles/misp_check.py`).
struct MISPWriterTests {
    static let producer = "cert.example.gov"

    @Test(arguments: MISPEventMode.allCases)
    func pymispLoadsEveryEventWithoutWarnings(mode: MISPEventMode) throws {
        let file = try Self.export(mode: mode)
        let result = try Oracle.runScript("misp_check.py", ["events", file.path])
        #expect(result.status == 0, "\(result.errors)")
        // Every actor an incident is attributed to is a galaxy cluster and a tag of the incident's event.
        let summary = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [[String: Any]])
        let report = try MISPFixtureReport.make()
        for incident in report.incidents {
            let eventUUID =
                mode == .perIncident ? StableID.uuid(producer: Self.producer, type: "incident", localID: incident.id)
                : StableID.uuid(producer: Self.producer, type: "report", localID: StableID.reportLocalID)
            let event = try #require(summary.first { $0["uuid"] as? String == eventUUID })
            let clusters = event["clusters"] as? [String] ?? []
            let tags = event["tags"] as? [String] ?? []
            for link in incident.attributedTo {
                let actor = try #require(report.actors.first { $0.id == link.ref })
                #expect(clusters.contains(actor.name), "\(actor.name) is no cluster of \(incident.id)")
                let tag = "misp-galaxy:threat-actor=\"\(actor.name.replacingOccurrences(of: "\"", with: "'"))\""
                #expect(tags.contains(tag), "\(tag) is missing from \(incident.id)")
            }
        }
    }

    @Test(arguments: MISPEventMode.allCases)
    func mispStixConvertsEveryEventAndStix2ValidatorAcceptsIt(mode: MISPEventMode) throws {
        let file = try Self.export(mode: mode)
        let result = try Oracle.runScript("misp_check.py", ["stix", file.path])
        #expect(result.status == 0, "\(result.errors)")
        let bundles = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [[String]])
        #expect(bundles.count == (mode == .perIncident ? 4 : 1))
        // The incident keeps its UUID through misp-stix: it is the event's (report or grouping) id.
        let incident = StableID.uuid(producer: Self.producer, type: "incident", localID: "ministry-breach")
        #expect(bundles.joined().contains { $0.hasSuffix("--" + incident) })
    }

    @Test func feedManifestMatchesPyMISP() throws {
        // The writer creates the feed folder itself.
        let feed = try RepositoryPaths.makeTemporaryDirectory().appendingPathComponent("feed")
        _ = try Self.export(mode: .perIncident, feed: feed)
        let files = try FileManager.default.contentsOfDirectory(atPath: feed.path).sorted()
        #expect(files.filter { $0.hasSuffix(".json") }.count == 5)
        #expect(files.contains("manifest.json") && files.contains("hashes.csv"))
        #expect(!files.contains { $0.hasPrefix(".") }, "a temporary file was left behind: \(files)")
        let result = try Oracle.runScript("misp_check.py", ["feed", feed.path])
        #expect(result.status == 0, "\(result.errors)")
    }

    @Test(arguments: MISPEventMode.allCases)
    func reExportIsByteIdentical(mode: MISPEventMode) throws {
        let first = try Data(contentsOf: Self.export(mode: mode))
        let second = try Data(contentsOf: Self.export(mode: mode))
        #expect(first == second)
    }
}

extension MISPWriterTests {
    @Test func whatMISPCannotCarryIsCountedOncePerObject() throws {
        let report = try MISPFixtureReport.make()
        let (events, summary) = MISPWriter.events(for: ReleasedReport(everythingIn: report), mode: .perIncident)
        #expect(events.count == 4)
        // The MSS appears in every event but is one object with one threat profile.
        #expect(summary.notCarried["threat actor sophistication, resource level or motivation"] == 1)
        #expect(summary.notCarried["incident coordinates"] == 1)
        // Membership dates ride in the member-of reference's comment (issue 17).
        #expect(summary.notCarried["membership dates"] == nil)
        #expect(summary.objectsWritten == report.objectCount)
    }
}

extension MISPWriterTests {
    /// Exports a report (the fixture by default) to a temporary file and returns its URL.
    static func export(_ report: ThreatReport? = nil, mode: MISPEventMode, feed: URL? = nil) throws -> URL {
        let bytes = try render(report, mode: mode, feed: feed)
        let url = try RepositoryPaths.makeTemporaryDirectory().appendingPathComponent("misp-\(mode.rawValue).json")
        try Data(bytes).write(to: url)
        return url
    }

    /// The writer's bytes for a report (the fixture by default).
    static func render(_ report: ThreatReport? = nil, mode: MISPEventMode, feed: URL? = nil) throws -> [UInt8] {
        let report = try report ?? MISPFixtureReport.make()
        var sink = MemorySink()
        _ = try MISPWriter().write(
            ReleasedReport(everythingIn: report), options: .init(events: mode, feedDirectory: feed?.path), to: &sink)
        return sink.bytes
    }

    /// The events of the writer's output, unwrapped from `{"Event"}` or `{"response": [...]}`.
    static func events(_ report: ThreatReport? = nil, mode: MISPEventMode) throws -> [[String: Any]] {
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(render(report, mode: mode))) as? [String: Any])
        if let list = document["response"] as? [[String: Any]] { return list.compactMap { $0["Event"] as? [String: Any] } }
        return [try #require(document["Event"] as? [String: Any])]
    }
}
