public import Foundation

/// Where things are in the repository and the build, for tests.
public enum RepositoryPaths {
    /// The repository root (the folder holding Package.swift).
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Schemas/`.
    public static var schemas: URL { root.appendingPathComponent("Schemas") }
    /// `Tests/oracles/`: the scripts that run outside validators.
    public static var oracles: URL { root.appendingPathComponent("Tests/oracles") }
    /// The article the built-in scenario models: `../shared/scenario/article.txt` beside the repository (CI has it).
    public static var article: URL {
        root.deletingLastPathComponent().appendingPathComponent("shared/scenario/article.txt")
    }

    /// Whether the tests run in CI (`CI=true`), where a missing outside file fails its test rather than skipping it.
    public static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// `Tests/Fixtures/`.
    public static var fixtures: URL { root.appendingPathComponent("Tests/Fixtures") }

    /// The folder the test bundle was built into; the `exportctl` binary sits beside it.
    public static var products: URL {
        var url = Bundle.main.bundleURL
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("exportctl").path) { return url }
            url.deleteLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug")
    }

    /// The built `exportctl` executable.
    public static var exportctl: URL { products.appendingPathComponent("exportctl") }

    /// A new empty temporary folder.
    public static func makeTemporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("exportctl-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
