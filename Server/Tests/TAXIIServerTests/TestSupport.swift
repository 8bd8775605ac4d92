import Export
import Foundation
import Logging
import Synchronization
import TAXIIServer

/// A temporary folder, removed when the value goes away.
final class TemporaryFolder: Sendable {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "taxii-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// Runs `body` against a server on a free loopback port, then stops the server.
/// - Parameter database: The store to keep the state in; else SQLite in `dataFolder` (or in memory).
func withServer<T: Sendable>(
    report: ThreatReport, partners: [Partner], maxPageSize: Int = 1000, dataFolder: String? = nil,
    database: TestDatabase? = nil, maxContentLength: Int = 10_485_760, readTimeout: Duration = .seconds(30),
    log: LogCapture? = nil, _ body: @escaping @Sendable (String) throws -> T
) async throws -> T {
    var logger = log.map { capture in Logger(label: "taxii-tests") { _ in capture } } ?? Logger(label: "taxii-tests")
    logger.logLevel = log == nil ? .warning : .trace
    let server = try await TAXIIServer(
        reports: [report], partners: partners,
        configuration: .init(
            host: "127.0.0.1", port: 0, dataFolder: database?.dataFolder ?? dataFolder, database: database?.url,
            maxPageSize: maxPageSize,
            maxContentLength: maxContentLength, readTimeout: readTimeout),
        logger: logger)
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    return try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask {
            try await server.run(handlesSignals: false) { port in continuation.yield(port) }
            return nil
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        let url = "http://127.0.0.1:\(port)/taxii2/"
        // The client blocks: off the cooperative pool, which the server's handlers share.
        let result = try await offPool { try body(url) }
        group.cancelAll()
        return result
    }
}

/// Runs blocking test code (sockets, sleeps, child processes) on a thread of its own, so that it never holds one of
/// the cooperative pool's threads, which in-process servers and other tests share.
func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { resume in
        Thread.detachNewThread { resume.resume(with: Result { try body() }) }
    }
}

/// Runs the Python oracles of Tests/oracles with the repository's venv.
enum Oracle {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `$EXPORTCTL_PYTHON`, else the repository's `.venv/bin/python`.
    static var python: String {
        ProcessInfo.processInfo.environment["EXPORTCTL_PYTHON"].flatMap { $0.isEmpty ? nil : $0 }
            ?? repository.appendingPathComponent(".venv/bin/python").path
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Parses the JSON object an oracle printed.
    static func object(_ output: Data) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: output) as? [String: Any] else {
            throw Failure(description: "the oracle printed no JSON object")
        }
        return object
    }

    /// Runs `Tests/oracles/<arguments[0]>` and returns what it printed (a JSON object, checked).
    static func run(_ arguments: [String]) throws -> Data {
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw Failure(description: "oracle Python not found at \(python): run Scripts/test.sh, which creates the venv")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [repository.appendingPathComponent("Tests/oracles/" + arguments[0]).path] + arguments.dropFirst()
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
            (try? JSONSerialization.jsonObject(with: stdout)) is [String: Any]
        else {
            throw Failure(
                description: "\(arguments[0]) failed (\(process.terminationStatus)): \(String(decoding: stderr, as: UTF8.self))")
        }
        return stdout
    }
}

/// A log handler that keeps every line, message and metadata, for tests that read the log.
final class LogCapture: LogHandler, Sendable {
    private let store = Mutex<[String]>([])

    /// Every line logged so far.
    var lines: [String] { store.withLock { $0 } }

    var logLevel: Logger.Level {
        get { .trace }
        set {}
    }

    var metadata: Logger.Metadata {
        get { [:] }
        set {}
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { nil }
        set {}
    }

    func log(event: LogEvent) {
        let fields = (event.metadata ?? [:]).map { "\($0.key)=\($0.value)" }.sorted().joined(separator: " ")
        store.withLock { $0.append("\(event.level) \(event.message) \(fields)") }
    }
}
