import ExportTestSupport
import Foundation
import Testing

/// `exportctl serve` and `exportctl partners` hand over to `exportctl-serve` (the Server/ package), so that this
/// package never compiles the server's dependencies; without it they say how to build it.
struct ServeCommandTests {
    private func run(_ arguments: [String], companion: String) throws -> ProcessResult {
        var environment = ProcessInfo.processInfo.environment
        environment["EXPORTCTL_SERVE"] = companion
        return try ProcessRunner.run(RepositoryPaths.exportctl.path, arguments, environment: environment)
    }

    @Test(arguments: [["serve", "--partners", "p.yaml"], ["partners", "add", "jp", "--recipient", "JPN"]])
    func missingServerSaysHowToBuildIt(arguments: [String]) throws {
        let result = try run(arguments, companion: "/nonexistent/exportctl-serve")
        #expect(result.status == 3)
        #expect(result.errors.contains("exportctl-serve not found"), "\(result.errors)")
        #expect(result.errors.contains("swift build -c release --package-path Server"), "\(result.errors)")
    }

    @Test func argumentsPassThroughUnchanged() throws {
        let folder = try RepositoryPaths.makeTemporaryDirectory()
        let stub = folder.appendingPathComponent("exportctl-serve")
        try Data("#!/bin/sh\nprintf '%s|' \"$@\"\n".utf8).write(to: stub)
        chmod(stub.path, 0o755)
        let serve = try run(["serve", "a.yaml", "--partners", "p.yaml", "--port", "0"], companion: stub.path)
        #expect(serve.status == 0 && serve.output == "serve|a.yaml|--partners|p.yaml|--port|0|", "\(serve.output)")
        let add = try run(["partners", "add", "jp-ncc", "--recipient", "JPN"], companion: stub.path)
        #expect(add.output == "partners|add|jp-ncc|--recipient|JPN|", "\(add.output)")
    }

    /// A relative PATH entry is never searched: `exportctl serve` run in a folder someone else controls must not
    /// run that folder's `exportctl-serve` (outside attack F2).
    @Test func aRelativePathEntryIsNotSearched() throws {
        let folder = try RepositoryPaths.makeTemporaryDirectory()
        let stub = folder.appendingPathComponent("exportctl-serve")
        try Data("#!/bin/sh\necho planted\n".utf8).write(to: stub)
        chmod(stub.path, 0o755)
        var environment = ProcessInfo.processInfo.environment
        environment["EXPORTCTL_SERVE"] = nil
        environment["PATH"] = ".:/usr/bin:/bin"
        let result = try ProcessRunner.run(
            RepositoryPaths.exportctl.path, ["serve", "--partners", "p.yaml"], environment: environment,
            currentDirectory: folder)
        #expect(result.status == 3 && !result.output.contains("planted"), "\(result.output)\(result.errors)")
    }
}
