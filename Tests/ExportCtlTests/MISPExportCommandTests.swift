import ArgumentParser
import Export
import ExportTestSupport
@testable import exportctl
import Foundation
import Testing

/// `exportctl export --format misp` on the built binary, with the built-in scenario, checked by the oracles.
struct MISPExportCommandTests {
    @Test func mispOptionsParse() throws {
        let command = try ExportCtl.parseAsRoot([
            "export", "--format", "misp", "--misp-events", "per-report", "--misp-feed", "feed",
        ])
        let export = try #require(command as? ExportCtl.Export)
        #expect(export.misp.mispEvents == .perReport)
        #expect(export.misp.mispFeed == "feed")
    }

    @Test func unknownEventModeAndFeedWithoutMISPFailValidation() {
        #expect(throws: (any Error).self) { try ExportCtl.parseAsRoot(["export", "--format", "misp", "--misp-events", "per-actor"]) }
        #expect(throws: (any Error).self) { try ExportCtl.parseAsRoot(["export", "--format", "report-json", "--misp-feed", "f"]) }
    }

    @Test func scenarioExportsPassEveryOracleAndReExportIdentically() throws {
        let folder = try RepositoryPaths.makeTemporaryDirectory()
        var outputs: [Data] = []
        for run in 1...2 {
            let feed = folder.appendingPathComponent("feed\(run)")
            try FileManager.default.createDirectory(at: feed, withIntermediateDirectories: true)
            let out = folder.appendingPathComponent("events\(run).json")
            let result = try ExportCtlRunner.run(["export", "--format", "misp", "-o", out.path, "--misp-feed", feed.path])
            #expect(result.status == 0, "\(result.errors)")
            outputs.append(try Data(contentsOf: out))
            for file in try FileManager.default.contentsOfDirectory(atPath: feed.path).sorted() {
                outputs.append(try Data(contentsOf: feed.appendingPathComponent(file)))
            }
        }
        #expect(outputs.count % 2 == 0 && outputs[..<(outputs.count / 2)].elementsEqual(outputs[(outputs.count / 2)...]))
        let events = folder.appendingPathComponent("events1.json").path
        for (mode, target) in [("events", events), ("stix", events), ("feed", folder.appendingPathComponent("feed1").path)] {
            let result = try Oracle.runScript("misp_check.py", [mode, target])
            #expect(result.status == 0, "\(mode): \(result.errors)")
        }
    }

    @Test func scenarioAsOneEventPassesPyMISPAndMispStix() throws {
        let out = try RepositoryPaths.makeTemporaryDirectory().appendingPathComponent("report.json")
        let result = try ExportCtlRunner.run(["export", "--format", "misp", "--misp-events", "per-report", "-o", out.path])
        #expect(result.status == 0, "\(result.errors)")
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [String: Any]
        #expect(document?.keys.sorted() == ["Event"])
        for mode in ["events", "stix"] {
            let check = try Oracle.runScript("misp_check.py", [mode, out.path])
            #expect(check.status == 0, "\(mode): \(check.errors)")
        }
    }

    @Test func eachMemberGetsItsOwnEventsAndFeedThatPassTheOracles() throws {
        let folder = try RepositoryPaths.makeTemporaryDirectory()
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let feed = folder.appendingPathComponent("feed")
        let result = try ExportCtlRunner.run([
            "export", "--format", "misp", "--for-members", "five-eyes", "-o", out.path, "--misp-feed", feed.path,
        ])
        #expect(result.status == 0, "\(result.errors)")
        let members = try FileManager.default.contentsOfDirectory(atPath: feed.path).sorted()
        #expect(members == ["AUS", "CAN", "GBR", "NZL", "USA"])
        for member in members {
            let events = out.appendingPathComponent(member + ".json").path
            for (mode, target) in [("events", events), ("feed", feed.appendingPathComponent(member).path)] {
                let check = try Oracle.runScript("misp_check.py", [mode, target])
                #expect(check.status == 0, "\(member) \(mode): \(check.errors)")
            }
        }
    }
}
