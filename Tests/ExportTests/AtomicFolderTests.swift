import Export
import ExportTestSupport
import Foundation
import Testing

/// A folder written whole: created, replaced without leftovers, or left alone when it is not ours to replace.
struct AtomicFolderTests {
    static let feedFiles: @Sendable (String) -> Bool = { $0.hasSuffix(".json") || $0 == "hashes.csv" }

    func write(_ files: [String: String], to path: String) throws {
        let folder = try AtomicFolder(path: path, replaces: Self.feedFiles)
        for (name, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: folder.stagingPath + "/" + name)) }
        try folder.commit()
    }

    func contents(_ url: URL) throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() }

    @Test func createsTheFolderAndItsParentsThenReplacesItWhole() throws {
        let root = try RepositoryPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let feed = root.appendingPathComponent("a/b/feed")
        try write(["manifest.json": "{}", "old-event.json": "{}"], to: feed.path + "/")
        #expect(try contents(feed) == ["manifest.json", "old-event.json"])
        try FileManager.default.setAttributes([.posixPermissions: 0o750], ofItemAtPath: feed.path)
        try write(["manifest.json": "{\"new\":1}", "hashes.csv": ""], to: feed.path)
        #expect(try contents(feed) == ["hashes.csv", "manifest.json"], "the earlier run's event is gone")
        #expect(try String(contentsOf: feed.appendingPathComponent("manifest.json"), encoding: .utf8) == "{\"new\":1}")
        let mode = try FileManager.default.attributesOfItem(atPath: feed.path)[.posixPermissions] as? Int
        #expect(mode == 0o750, "the replaced folder's mode is kept")
        #expect(try contents(root.appendingPathComponent("a/b")) == ["feed"], "no staging or old folder left")
    }

    @Test func refusesAFolderHoldingWhatItDidNotWrite() throws {
        let root = try RepositoryPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let web = root.appendingPathComponent("www")
        try FileManager.default.createDirectory(at: web.appendingPathComponent("images"), withIntermediateDirectories: true)
        try Data("<html>".utf8).write(to: web.appendingPathComponent("index.html"))
        let error = #expect(throws: ExportError.self) { try write(["manifest.json": "{}"], to: web.path) }
        #expect(error?.reason.contains("exportctl did not write there") == true, "\(String(describing: error))")
        #expect(try contents(web) == ["images", "index.html"])
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("link").path, withDestinationPath: web.path)
        #expect(throws: ExportError.self) { try write([:], to: root.appendingPathComponent("link").path) }
        #expect(try contents(root) == ["link", "www"], "nothing staged beside them")
    }

    @Test func abandoningLeavesThePreviousFolder() throws {
        let root = try RepositoryPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let feed = root.appendingPathComponent("feed")
        try write(["manifest.json": "previous"], to: feed.path)
        do {
            let folder = try AtomicFolder(path: feed.path, replaces: Self.feedFiles)
            try Data("half".utf8).write(to: URL(fileURLWithPath: folder.stagingPath + "/event.json"))
        }  // dropped without commit, as when a write fails
        #expect(try contents(root) == ["feed"])
        #expect(try String(contentsOf: feed.appendingPathComponent("manifest.json"), encoding: .utf8) == "previous")
    }

    @Test func pathsInMessagesShowTheirBlanks() {
        #expect(VisibleText.path("feed") == "feed")
        #expect(VisibleText.path(" feed") == "' feed'")
        #expect(VisibleText.path("feed\t") == "'feed\t'", "a tab is shown as is, between quotes")
        #expect(VisibleText.path("") == "''")
        #expect(VisibleText.path("a\nb") == "a\\x0ab")
    }
}
