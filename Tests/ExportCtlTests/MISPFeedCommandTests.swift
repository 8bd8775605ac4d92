import ExportTestSupport
import Foundation
import Testing

/// `--misp-feed DIR` replaces the feed folder whole: a puller sees the previous feed or the complete new one, and
/// an event an earlier export published does not stay reachable once the new manifest drops it.
struct MISPFeedCommandTests {
    func contents(_ url: URL) throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() }

    func export(_ feed: URL, output: String = "-") throws -> ProcessResult {
        try ExportCtlRunner.run(["export", "--format", "misp", "-o", output, "--misp-feed", feed.path])
    }

    @Test func aReExportDropsTheEventsItNoLongerLists() throws {
        let root = try RepositoryPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let feed = root.appendingPathComponent("feed")
        #expect(try export(feed).status == 0)
        let first = try contents(feed)
        try Data("{\"Event\": {\"info\": \"withheld since\"}}".utf8).write(to: feed.appendingPathComponent("0000-stale.json"))
        let again = try export(feed)
        #expect(again.status == 0, "\(again.errors)")
        #expect(try contents(feed) == first, "the stale event is gone, the rest is as before")
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: feed.appendingPathComponent("manifest.json"))) as? [String: Any]
        let listed = Set((manifest ?? [:]).keys.map { $0 + ".json" })
        #expect(Set(first).subtracting(["manifest.json", "hashes.csv"]) == listed)
        #expect(try contents(root) == ["feed"], "no staging folder left")
    }

    @Test func aFolderWithOtherFilesIsRefusedAndNothingIsWritten() throws {
        let root = try RepositoryPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let www = root.appendingPathComponent("www")
        try FileManager.default.createDirectory(at: www, withIntermediateDirectories: true)
        try Data("<html>".utf8).write(to: www.appendingPathComponent("index.html"))
        let output = root.appendingPathComponent("events.json").path
        let result = try export(www, output: output)
        #expect(result.status == 3)
        #expect(result.errors.contains("holds 'index.html', which exportctl did not write there"), "\(result.errors)")
        #expect(try contents(www) == ["index.html"])
        #expect(try contents(root) == ["www"], "neither the events file nor a staging folder")
    }

    @Test func aWriteThatFailsLeavesThePreviousFeed() throws {
        let root = try RepositoryPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let feed = root.appendingPathComponent("feed")
        #expect(try export(feed).status == 0)
        let before = try contents(feed).map { try Data(contentsOf: feed.appendingPathComponent($0)) }
        // 1 KiB per file: the first event file of the second run cannot be written.
        let script = "ulimit -f 1; exec '\(RepositoryPaths.exportctl.path)' export --format misp --misp-events per-report --misp-feed '\(feed.path)' > /dev/null"
        let result = try ProcessRunner.run("/bin/bash", ["-c", script])
        #expect(result.status == 3, "\(result.errors)")
        #expect(result.errors.contains("File too large"), "the feed write failed, not something else: \(result.errors)")
        #expect(try contents(feed).map { try Data(contentsOf: feed.appendingPathComponent($0)) } == before)
        #expect(try contents(root) == ["feed"], "the staging folder is removed")
    }

    @Test func standardOutputIsNoFolder() throws {
        let result = try ExportCtlRunner.run(["export", "--format", "misp", "--misp-feed", "-"])
        #expect(result.status == 2)
        #expect(result.errors.contains("'-' (standard output) cannot hold a folder"), "\(result.errors)")
    }
}
