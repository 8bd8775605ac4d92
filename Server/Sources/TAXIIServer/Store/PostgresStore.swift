import Logging
import PostgresNIO

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
    /// `client.run()`, for as long as the store exists: the pool only works while it runs.
    private let runner: Task<Void, Never>

    /// Connects, creates the schema when missing, and starts the connection pool.
    /// - Parameters:
    ///   - url: Where the database is.
    ///   - logger: For postgres-nio's own events (at warning and above: its debug lines are not for the access log).
    /// - Throws: ``TAXIIConfigurationError`` naming the URL without its password and what went wrong.
    init(url: PostgresURL, logger: Logger) async throws {
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

    /// What went wrong, in words that carry no secret: PostgreSQL's own message (such as "password authentication
    /// failed for user …"), else the kind of failure and the network error under it.
    static func reason(_ error: any Error) -> String {
        guard let error = error as? PSQLError else {
            return (error as? PostgresTransactionError).map { reason($0.closureError ?? $0.commitError ?? $0.beginError ?? $0) }
                ?? "\(type(of: error))"
        }
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
        try await client.withTransaction(logger: logger) { connection in
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
        }
    }
}
