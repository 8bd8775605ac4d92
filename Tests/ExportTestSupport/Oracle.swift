public import Foundation

/// Runs the outside validators (stix2-validator, python-stix2, jsonschema, xmllint, PyMISP, ...).
///
/// A missing oracle is a failure, never a skip: `Scripts/test.sh` installs them all, and a test that cannot
/// reach its oracle proves nothing.
public enum Oracle {
    /// Why an oracle could not run.
    public struct Missing: Error, CustomStringConvertible {
        /// What is missing and how to get it.
        public var description: String
    }

    /// The Python interpreter of the oracle venv: `$EXPORTCTL_PYTHON`, else `.venv/bin/python`.
    public static var python: String {
        if let configured = ProcessInfo.processInfo.environment["EXPORTCTL_PYTHON"], !configured.isEmpty {
            return configured
        }
        return RepositoryPaths.root.appendingPathComponent(".venv/bin/python").path
    }

    /// Runs `Tests/oracles/<script>` with the venv's Python.
    /// - Throws: ``Missing`` when the venv or the script is not there.
    public static func runScript(_ script: String, _ arguments: [String] = [], input: Data? = nil) throws
        -> ProcessResult
    {
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw Missing(description: "oracle Python not found at \(python): run Scripts/test.sh, which creates the venv")
        }
        let path = RepositoryPaths.oracles.appendingPathComponent(script).path
        guard FileManager.default.fileExists(atPath: path) else { throw Missing(description: "no oracle script \(path)") }
        return try ProcessRunner.run(python, [path] + arguments, input: input)
    }

    /// Runs a Python module of the venv (`-m stix2validator` style) or a console script installed in it.
    public static func runVenvTool(_ tool: String, _ arguments: [String], input: Data? = nil) throws -> ProcessResult {
        let binary = URL(fileURLWithPath: python).deletingLastPathComponent().appendingPathComponent(tool).path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw Missing(description: "\(tool) not found at \(binary): run Scripts/test.sh, which installs it")
        }
        return try ProcessRunner.run(binary, arguments, input: input)
    }

    /// Runs a system tool such as `xmllint`.
    public static func runSystemTool(_ tool: String, _ arguments: [String], input: Data? = nil) throws
        -> ProcessResult
    {
        let candidates = ["/usr/bin/\(tool)", "/usr/local/bin/\(tool)", "/bin/\(tool)"]
        guard let binary = candidates.first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw Missing(description: "\(tool) not installed: Scripts/test.sh installs it with apt-get")
        }
        return try ProcessRunner.run(binary, arguments, input: input)
    }
}
