public import Export
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
public import Logging
import NIOCore

/// The TAXII 2.1 server of exportctl: each partner reads exactly its releasable view of each report.
///
/// ```swift
/// let server = try await TAXIIServer(reports: [report], partners: partners, configuration: .init(port: 9000), logger: logger)
/// try await server.run { port in print("listening on \(port)") }
/// ```
public struct TAXIIServer: Sendable {
    /// Where and how the server listens and keeps its state.
    public struct Configuration: Sendable {
        /// The address to bind: loopback unless told otherwise.
        public var host = "127.0.0.1"
        /// The port; 0 picks a free one.
        public var port = 9443
        /// The folder of the SQLite database; `nil` keeps no database (tests). Unused with ``database``.
        public var dataFolder: String? = nil
        /// A `postgres://USER:PASSWORD@HOST:PORT/DATABASE` URL: the state is kept there instead of in SQLite, so
        /// that several instances can share it.
        public var database: String? = nil
        /// The most objects one page holds; a larger `limit` is capped (and `more`/`next` say so).
        public var maxPageSize = 1000
        /// The discovery title.
        public var title = "exportctl TAXII server"
        /// The largest request body taken, in bytes (the API root's `max_content_length`); a larger one is a 413.
        public var maxContentLength = 10_485_760
        /// The PEM certificate chain and private key to serve HTTPS with; plain HTTP when `nil`.
        public var tls: (certificate: String, key: String)? = nil
        /// How long a client may take to send one whole request (or the next one on a kept-alive connection)
        /// before the connection is closed, however steadily it trickles bytes.
        public var readTimeout: Duration = .seconds(30)

        /// Creates a configuration.
        public init(
            host: String = "127.0.0.1", port: Int = 9443, dataFolder: String? = nil, database: String? = nil,
            maxPageSize: Int = 1000, maxContentLength: Int = 10_485_760, readTimeout: Duration = .seconds(30),
            tls: (certificate: String, key: String)? = nil
        ) {
            self.tls = tls
            self.host = host
            self.port = port
            self.dataFolder = dataFolder
            self.database = database
            self.maxPageSize = maxPageSize
            self.maxContentLength = maxContentLength
            self.readTimeout = readTimeout
        }
    }

    let catalog: Catalog
    let partners: [Partner]
    let configuration: Configuration
    let logger: Logger
    let store: any ServerStore
    let authenticator: PartnerAuthenticator
    let tlsConfiguration: TLSConfiguration?

    /// Builds every partner's view of every report, and opens the database.
    /// - Throws: ``ExportError`` when a view cannot be built (a withheld name in released text);
    ///   ``TAXIIConfigurationError`` for a bad page size, content length, read timeout, database URL or TLS file, partners
    ///   whose password hashes differ in bcrypt cost, or a PostgreSQL server that cannot be reached; GRDB's error
    ///   when the SQLite database cannot be opened.
    public init(reports: [ThreatReport], partners: [Partner], configuration: Configuration, logger: Logger) async throws {
        guard configuration.maxPageSize > 0 else { throw TAXIIConfigurationError("--max-page-size must be positive") }
        guard configuration.maxContentLength > 0 else {
            throw TAXIIConfigurationError("--max-content-length must be positive")
        }
        guard configuration.readTimeout > .zero else { throw TAXIIConfigurationError("--read-timeout must be positive") }
        catalog = try Catalog(reports: reports, partners: partners)
        guard !catalog.collectionIDs.contains(InboxCollection.id) else {
            throw TAXIIConfigurationError("a report's collection id is the inbox's (\(InboxCollection.id)); give it another id")
        }
        authenticator = try PartnerAuthenticator(partners)
        tlsConfiguration = try configuration.tls.map { try TLSFiles.configuration(certificate: $0.certificate, key: $0.key) }
        self.partners = partners
        self.configuration = configuration
        self.logger = logger
        store = try await Self.openStore(dataFolder: configuration.dataFolder, database: configuration.database, logger: logger)
        let now = TAXIITimestamp.now.description
        for (id, digest, count) in catalog.identities {
            guard try await store.record(collection: id, digest: digest, objectCount: count, now: now) != nil else { continue }
            logger.warning(
                "report changed since the last start: date_added values moved; clients paging by added_after may miss objects",
                metadata: ["collection": "\(id)"])
        }
    }

    /// The PostgreSQL store when `database` is given, else the SQLite one (in `dataFolder`, or in memory).
    static func openStore(dataFolder: String?, database: String?, logger: Logger) async throws -> any ServerStore {
        guard let database else { return try SQLiteStore(folder: dataFolder) }
        let url = try PostgresURL(database)
        let store = try await PostgresStore(url: url, logger: logger)
        logger.info("state in PostgreSQL", metadata: ["database": "\(url)"])
        return store
    }

    /// Serves until the task is cancelled (or SIGINT/SIGTERM when `handlesSignals`).
    /// - Parameter onListening: Called with the bound port once the server accepts connections.
    public func run(handlesSignals: Bool = true, onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let router = Router(context: TAXIIRequestContext.self)
        router.add(middleware: TAXIIGate(authenticator: authenticator, logger: logger))
        TAXIIRoutes(
            catalog: catalog, store: store, logger: logger, title: configuration.title,
            maxPageSize: configuration.maxPageSize, maxContentLength: configuration.maxContentLength
        ).register(on: router)
        let (seconds, attoseconds) = configuration.readTimeout.components
        let readTimeout = TimeAmount.nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        let http1 = HTTPServerBuilder.http1(
            configuration: .init(additionalChannelHandlers: [RequestReadDeadline(timeout: readTimeout)]))
        let app = Application(
            router: router,
            server: try tlsConfiguration.map { try .tls(http1, tlsConfiguration: $0) } ?? http1,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
            logger: logger)
        if handlesSignals { try await app.runService() } else { try await app.run() }
    }
}
