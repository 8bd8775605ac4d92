import ExportTestSupport
import Foundation
import Testing

/// Ids chosen by an imported file reach file names (`-o DIR`, `--for-members`, `--misp-feed`); nothing may be
/// written outside the destination folder, whatever the id.
struct HostileFileNameTests {
    static let objectExtension = "extension-definition--2666f06c-092a-4e41-8f8b-12e2db73ea52"

    static let hostileIDs = [
        "../../escaped", "/tmp/exportctl-absolute-escape", "a\u{0}b", ".", "..", "con", "-rf", ".hidden",
        String(repeating: "x", count: 300), "../" + String(repeating: "y", count: 300),
    ]

    /// The sample as a STIX 2.1 bundle in which the satellite-data agreement's member `pacific-nations` and every
    /// incident carry `id` as their local id, so it becomes a recipient's file stem and a MISP event's file name.
    static func hostileBundle(_ id: String, in folder: URL) throws -> URL {
        let sample = try ExportCtlRunner.run(["export", "--format", "stix21"])
        try #require(sample.status == 0, "\(sample.errors)")
        var bundle = try #require(try JSONSerialization.jsonObject(with: sample.stdout) as? [String: Any])
        var objects = try #require(bundle["objects"] as? [[String: Any]])
        for index in objects.indices {
            guard var extensions = objects[index]["extensions"] as? [String: Any],
                var ours = extensions[objectExtension] as? [String: Any], let local = ours["local_id"] as? String
            else { continue }
            guard local == "pacific-nations" || objects[index]["type"] as? String == "incident" else { continue }
            ours["local_id"] = objects[index]["type"] as? String == "incident" ? id + "-\(index)" : id
            extensions[objectExtension] = ours
            objects[index]["extensions"] = extensions
        }
        bundle["objects"] = objects
        let url = folder.appendingPathComponent("evil.json")
        try JSONSerialization.data(withJSONObject: bundle).write(to: url)
        return url
    }

    /// Every file below `root`, relative to it.
    static func files(below root: URL) -> Set<String> {
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        var found: Set<String> = []
        while let path = enumerator?.nextObject() as? String { found.insert(path) }
        return found
    }

    @Test(arguments: hostileIDs)
    func hostileIDWritesOnlyInsideTheDestination(_ id: String) throws {
        let sandbox = try RepositoryPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: sandbox) }
        let work = sandbox.appendingPathComponent("a/b")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let evil = try Self.hostileBundle(id, in: sandbox)
        let before = Self.files(below: sandbox)
        let runs: [[String]] = [
            ["export", evil.path, "--for-members", "quad-satellite-data", "-o", "out/"],
            ["export", evil.path, "--format", "misp", "--for-members", "quad-satellite-data", "-o", "misp/", "--misp-feed", "feeds"],
            ["export", evil.path, "--format", "misp", "-o", "one.json", "--misp-feed", "feed"],
            ["export", evil.path, "--for", id, "-o", "single/"],
        ]
        for arguments in runs {
            let result = try ExportCtlRunner.run(arguments, currentDirectory: work)
            #expect([0, 1, 2].contains(result.status), "\(arguments): \(result.errors)")
        }
        let created = Self.files(below: sandbox).subtracting(before)
        let allowed = ["out", "misp", "feeds", "feed", "one.json", "single"].map { "a/b/" + $0 }
        let outside = created.filter { path in
            path != "a" && path != "a/b" && !allowed.contains { path == $0 || path.hasPrefix($0 + "/") }
        }
        #expect(outside.isEmpty, "written outside the destination: \(outside.sorted())")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/exportctl-absolute-escape.json"))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/exportctl-absolute-escape"))
        // The folders hold only plain, visible names; the hostile member got a file of its own.
        for path in created where path.hasPrefix("a/b/out/") || path.hasPrefix("a/b/feeds/") {
            let name = (path as NSString).lastPathComponent
            #expect(!name.hasPrefix(".") && !name.hasPrefix("-") && name.utf8.count <= 80, "\(path)")
        }
        let outFiles = created.filter { $0.hasPrefix("a/b/out/") }
        #expect(outFiles.count == 5, "four Quad members and the hostile one: \(outFiles.sorted())")
        let feedFolders = created.filter { $0.hasPrefix("a/b/feeds/") && $0.split(separator: "/").count == 4 }
        #expect(feedFolders.count == 5, "\(feedFolders.sorted())")
    }

    /// An imported actor whose id is `ind` would get `ind.json` beside India's `IND.json`: one file on a
    /// case-insensitive file system, and easily sent to the wrong partner on any. The export is refused.
    @Test func recipientsWhoseFilesDifferOnlyInCaseAreRefused() throws {
        let sandbox = try RepositoryPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: sandbox) }
        let evil = try Self.hostileBundle("ind", in: sandbox)
        let result = try ExportCtlRunner.run(["export", evil.path, "--for-members", "quad-satellite-data", "-o", "out/"], currentDirectory: sandbox)
        #expect(result.status == 1, "\(result.errors)")
        #expect(result.errors.contains("recipients 'ind' and 'india' would get files named alike (ind and IND)"), "\(result.errors)")
        #expect(!FileManager.default.fileExists(atPath: sandbox.appendingPathComponent("out/IND.json").path))
    }
}
