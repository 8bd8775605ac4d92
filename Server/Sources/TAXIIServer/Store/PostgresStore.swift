import Logging
import PostgresNIO
import Synchronization

/// The server's state in PostgreSQL (`--database postgres://…`), so that several instances behind a load balancer
/// share it: the same tables as ``SQLiteStore``, each POST one transaction, every read a query (nothing is cached
/// in the process, so no two instances can disagree).
///
/// Opening connects once, outside the pool, so that a wrong password or an unreachable server is one clear error at
/// start-up rather than requests that wait; the schema is created then, under an advisory lock so that instances
/// starting together do not race. The password is only ever handed to postgres-nio: errors and logs show
/// ``PostgresURL/description``, which leaves it out.
final class PostgresStore: ServerStore {
    /// The advisory-lock class of this server's locks (`pg_advisory_xact_lock(class, key)`): "TAXI".
    static let lockClass: Int32 = 0x5441_5849
    /// The key, in ``lockClass``, of the schema's creation; a partner's submissions lock `hashtext(partner)` in
    /// ``partnerLockClass``.
    static let schemaLock: Int32 = 0
    static let partnerLockClass: Int32 = 0x5441_584A

    let client: PostgresClient
    let logger: Logger
    /// How long one operation may wait for the database. postgres-nio's pool queues a request for a connection
    /// while the server is unreachable; without a deadline a POST hung as long as the client waited.
    let deadline: Duration
    /// `client.run()`, for as long as the store exists: the pool only works while it runs.
    private let runner: Task<Void, Never>

    /// Connects, creates the schema when missing, and starts the connection pool.
    /// - Parameters:
    ///   - url: Where the database is.
    ///   - logger: For postgres-nio's own events (at warning and above: its debug lines are not for the access log).
    ///   - deadline: How long one operation may wait for the database before the request is answered 503.
    /// - Throws: ``TAXIIConfigurationError`` naming the URL without its password and what went wrong.
    init(url: PostgresURL, logger: Logger, deadline: Duration = .seconds(10)) async throws {
        self.deadline = deadline
        var quiet = logger
        quiet.logLevel = max(logger.logLevel, .warning)
        self.logger = quiet
        var single = PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.user, password: url.password, database: url.database,
            tls: .disable)
        single.options.connectTimeout = .seconds(10)
        do {
            let connection = try await PostgresConnection.connect(configuration: single, id: 0, logger: quiet)
            do {
                try await Self.migrate(connection, logger: quiet)
                try await connection.close()
            } catch {
                try? await connection.close()
                throw error
            }
        } catch {
            throw TAXIIConfigurationError("--database \(url): \(Self.reason(error))")
        }
        var configuration = PostgresClient.Configuration(
            host: url.host, port: url.port, username: url.user, password: url.password, database: url.database,
            tls: .disable)
        configuration.options.maximumConnections = 16
        let client = PostgresClient(configuration: configuration, backgroundLogger: quiet)
        self.client = client
        // Immediate: `run()` marks the pool running before its first suspension, so the first query (at start-up)
        // never finds it not yet running (postgres-nio then warns, and the query waits for it).
        runner = Task.immediate { await client.run() }
    }

    deinit { runner.cancel() }

    /// Runs `body`, or gives up with a 503 after ``deadline``, without waiting for it: a query stuck in the
    /// server (behind a lock, or on a dead connection) does not heed cancellation, so a task group would wait for
    /// it. `body` is cancelled and finishes on its own; a POST given up on may still commit once the database
    /// answers, and the client's retry is then told "exact duplicate", so nothing is lost or doubled.
    func withDeadline<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let (deadline, logger) = (self.deadline, self.logger)
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let race = FirstAnswer(continuation)
            let work = Task {
                do { race.answer(.success(try await body())) } catch { race.answer(.failure(error)) }
            }
            Task {
                try? await Task.sleep(for: deadline)
                if race.answer(.failure(TAXIIError.unavailable)) {
                    work.cancel()
                    logger.error("PostgreSQL did not answer in time", metadata: ["deadline": "\(deadline)"])
                }
            }
        }
    }

    /// What went wrong, in words that carry no secret: PostgreSQL's own message (such as "password authentication
    /// failed for user …"), else the kind of failure and the network error under it.
    static func reason(_ error: any Error) -> String {
        if let transaction = error as? PostgresTransactionError {
            let cause = transaction.beginError ?? transaction.closureError ?? transaction.commitError
            return cause.map(reason) ?? "a transaction failed"
        }
        guard let error = error as? PSQLError else { return "\(type(of: error))" }
        if let message = error.serverInfo?[.message] { return message }
        return error.underlying.map { "\(error.code): \($0)" } ?? "\(error.code)"
    }

    /// The tables, as ``SQLiteStore``'s migrations make them (`seq` orders the inbox as SQLite's rowid does).
    private static func migrate(_ connection: PostgresConnection, logger: Logger) async throws {
        try await connection.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(lockClass), \(schemaLock))", logger: logger)
            for statement in [
                """
                CREATE TABLE IF NOT EXISTS collection (id text PRIMARY KEY, digest text NOT NULL,
                    object_count bigint NOT NULL, first_served text NOT NULL)
                """,
                """
                CREATE TABLE IF NOT EXISTS submission (id text PRIMARY KEY, partner text NOT NULL,
                    request_timestamp text NOT NULL, status text NOT NULL)
                """,
                """
                CREATE TABLE IF NOT EXISTS inbox_object (partner text NOT NULL, stix_id text NOT NULL,
                    version text NOT NULL, type text NOT NULL, date_added text NOT NULL,
                    submission text NOT NULL REFERENCES submission (id), object text NOT NULL,
                    seq bigint GENERATED ALWAYS AS IDENTITY, PRIMARY KEY (partner, stix_id, version))
                """,
            ] {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            }
        }
    }

    func record(collection id: String, digest: String, objectCount: Int, now: String) async throws -> String? {
        let (client, logger) = (self.client, self.logger)
        return try await withDeadline { try await client.withTransaction(logger: logger) { connection in
            // FOR UPDATE: two instances starting together read and write the row one after the other.
            let rows = try await connection.query(
                "SELECT digest FROM collection WHERE id = \(id) FOR UPDATE", logger: logger)
            var previous: String?
            for try await (digest) in rows.decode(String.self) { previous = digest }
            try await connection.query(
                """
                INSERT INTO collection (id, digest, object_count, first_served) VALUES (\(id), \(digest), \(objectCount), \(now))
                ON CONFLICT (id) DO UPDATE SET digest = excluded.digest, object_count = excluded.object_count
                """, logger: logger)
            return previous.flatMap { $0 == digest ? nil : $0 }
        } }
    }
}

/// Resumes a continuation with the first answer it is given, and ignores the rest.
private final class FirstAnswer<T: Sendable>: Sendable {
    private let continuation: Mutex<CheckedContinuation<T, any Error>?>

    init(_ continuation: CheckedContinuation<T, any Error>) { self.continuation = Mutex(continuation) }

    /// Whether this was the first answer.
    @discardableResult func answer(_ result: Result<T, any Error>) -> Bool {
        guard let waiting = continuation.withLock({ $0.take() }) else { return false }
        waiting.resume(with: result)
        return true
    }
}
