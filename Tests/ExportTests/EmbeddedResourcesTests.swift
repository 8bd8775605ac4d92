@testable import Export
import ExportTestSupport
import Foundation
import Testing

/// The schemas and the scenario compiled into the binary are exactly the files in the repository.
struct EmbeddedResourcesTests {
    static func repositoryFiles() throws -> [String: String] {
        var files: [String: String] = [:]
        for folder in ["Schemas", "Scenario"] {
            let root = RepositoryPaths.root.appendingPathComponent(folder)
            let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
            while let url = enumerator?.nextObject() as? URL {
                guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true,
                    !url.lastPathComponent.hasPrefix(".")
                else { continue }
                let relative = String(url.path.dropFirst(RepositoryPaths.root.path.count + 1))
                files[relative] = try String(contentsOf: url, encoding: .utf8)
            }
        }
        return files
    }

    @Test func embeddedCopiesMatchTheFiles() throws {
        let files = try Self.repositoryFiles()
        #expect(files.keys.sorted() == EmbeddedResources.files.keys.sorted(),
                "run python3 Scripts/embed-resources.py")
        for (name, text) in files {
            #expect(EmbeddedResources.files[name] == text, "\(name) drifted: run python3 Scripts/embed-resources.py")
        }
    }

    @Test func sampleIsTheScenarioFile() throws {
        let file = RepositoryPaths.root.appendingPathComponent(SampleScenario.fileName)
        #expect(SampleScenario.yaml == (try String(contentsOf: file, encoding: .utf8)))
    }
}
