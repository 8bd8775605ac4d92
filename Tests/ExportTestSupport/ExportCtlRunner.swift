public import Foundation

/// Runs the built `exportctl` binary, for end-to-end tests.
public enum ExportCtlRunner {
    /// Runs `exportctl` with `arguments` and optional standard input.
    public static func run(_ arguments: [String], input: Data? = nil, currentDirectory: URL? = nil) throws
        -> ProcessResult
    {
        try ProcessRunner.run(
            RepositoryPaths.exportctl.path, arguments, input: input, currentDirectory: currentDirectory)
    }
}
