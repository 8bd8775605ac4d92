import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The built `exportctl-serve` running as its own process on a free loopback port, for tests that kill it.
final class ServeProcess {
    /// `$EXPORTCTL_SERVE`, else the debug build beside these tests (`swift build --build-tests` builds it).
    static var executable: String {
        ProcessInfo.processInfo.environment["EXPORTCTL_SERVE"].flatMap { $0.isEmpty ? nil : $0 }
            ?? Oracle.repository.appendingPathComponent("Server/.build/debug/exportctl-serve").path
    }

    let process = Process()
    /// `http://127.0.0.1:PORT/taxii2/` (`https://` with `--tls-cert`).
    let url: String

    /// Starts `exportctl-serve serve` (the built-in sample) and waits until it prints where it listens.
    /// - Parameters:
    ///   - storage: `--data DIR` or `--database URL`.
    ///   - logLevel: `--log-level`.
    ///   - standardError: Where its log goes (discarded unless given).
    init(partners: String, storage: [String], logLevel: String = "warning", standardError: FileHandle? = nil) throws {
        guard FileManager.default.isExecutableFile(atPath: Self.executable) else {
            throw Oracle.Failure(description: "\(Self.executable) not built: swift build --build-tests --package-path Server")
        }
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = ["serve", "--partners", partners, "--port", "0", "--log-level", logLevel] + storage
        let out = Pipe()
        process.standardOutput = out
        process.standardError = standardError ?? FileHandle.nullDevice
        try process.run()
        // "exportctl serve: listening on http://127.0.0.1:PORT/taxii2/"
        var line: [UInt8] = []
        let handle = out.fileHandleForReading
        while let byte = try handle.read(upToCount: 1)?.first, byte != UInt8(ascii: "\n") { line.append(byte) }
        let text = String(decoding: line, as: UTF8.self)
        guard let start = text.range(of: "http://") ?? text.range(of: "https://") else {
            process.terminate()
            throw Oracle.Failure(description: "exportctl-serve did not start: '\(text)'")
        }
        url = String(text[start.lowerBound...])
    }

    /// SIGKILL: no handler runs, nothing is flushed or closed by the server.
    func kill() {
        Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    deinit {
        if process.isRunning { kill() }
    }

    /// Runs `exportctl-serve ARGUMENTS` to the end and returns its standard output.
    static func run(_ arguments: [String]) throws -> String { try outcome(arguments).output }

    /// Runs `exportctl-serve ARGUMENTS` to the end: its exit status, standard output and standard error.
    /// - Parameter environment: Variables set for it, beside the test's own.
    static func outcome(_ arguments: [String], environment: [String: String] = [:]) throws
        -> (status: Int32, output: String, error: String)
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Both pipes at once: a full one would block the child while the other is read.
        let error = Mutex(Data())
        let reader = Thread { error.withLock { $0 = err.fileHandleForReading.readDataToEndOfFile() } }
        reader.start()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while reader.isExecuting || !reader.isFinished { Thread.sleep(forTimeInterval: 0.01) }
        return (process.terminationStatus, String(decoding: output, as: UTF8.self),
                error.withLock { String(decoding: $0, as: UTF8.self) })
    }
}
