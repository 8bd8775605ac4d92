import Foundation

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
    /// `http://127.0.0.1:PORT/taxii2/`.
    let url: String

    /// Starts `exportctl-serve serve` (the built-in sample) and waits until it prints where it listens.
    init(partners: String, data: String) throws {
        guard FileManager.default.isExecutableFile(atPath: Self.executable) else {
            throw Oracle.Failure(description: "\(Self.executable) not built: swift build --build-tests --package-path Server")
        }
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = ["serve", "--partners", partners, "--data", data, "--port", "0", "--log-level", "warning"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        // "exportctl serve: listening on http://127.0.0.1:PORT/taxii2/"
        var line: [UInt8] = []
        let handle = out.fileHandleForReading
        while let byte = try handle.read(upToCount: 1)?.first, byte != UInt8(ascii: "\n") { line.append(byte) }
        let text = String(decoding: line, as: UTF8.self)
        guard let start = text.range(of: "http://") else {
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
    static func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let bytes = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: bytes, as: UTF8.self)
    }
}
