import Foundation
import Logging
import PostgresNIO
import Testing

@testable import TAXIIServer

/// The stores that the store-level and inbox tests run against, each test once per store.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    var testDescription: String { rawValue }
}

/// A fresh, empty database of one kind for one test: a folder for SQLite; a new database in the test cluster for
/// PostgreSQL (`$EXPORTCTL_TEST_POSTGRES_URL`, which Scripts/test.sh sets after starting a throwaway cluster).
///
/// Without that variable a PostgreSQL test fails with a message saying how to get one: nothing is skipped.
struct TestDatabase: Sendable {
    static let variable = "EXPORTCTL_TEST_POSTGRES_URL"

    let kind: StoreKind
    let folder: TemporaryFolder
    /// The PostgreSQL URL of this test's own database (with the cluster's password).
    let url: String?

    /// The SQLite folder (unused for PostgreSQL).
    var dataFolder: String { folder.path + "/data" }

    /// `exportctl-serve` arguments that name this database.
    var serveArguments: [String] { url.map { ["--database", $0] } ?? ["--data", dataFolder] }

    /// The cluster's URL, from the environment.
    static var clusterURL: String {
        get throws {
            guard let url = ProcessInfo.processInfo.environment[variable], !url.isEmpty else {
                throw Oracle.Failure(description: """
                    \(variable) is not set: Scripts/test.sh starts a throwaway PostgreSQL and sets it \
                    (source Scripts/postgres-test-cluster.sh; postgres_test_cluster_start does the same by hand)
                    """)
            }
            return url
        }
    }

    /// The cluster's password, which no log or error may show.
    static var clusterPassword: String? { get throws { try PostgresURL(try clusterURL).password } }

    private init(kind: StoreKind, folder: TemporaryFolder, url: String?) {
        self.kind = kind
        self.folder = folder
        self.url = url
    }

    /// Makes an empty database: for PostgreSQL, `CREATE DATABASE` of a unique name in the cluster.
    static func make(_ kind: StoreKind) async throws -> TestDatabase {
        let folder = try TemporaryFolder()
        guard kind == .postgres else { return TestDatabase(kind: kind, folder: folder, url: nil) }
        let cluster = try PostgresURL(try clusterURL)
        let name = "taxii_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let configuration = PostgresConnection.Configuration(
            host: cluster.host, port: cluster.port, username: cluster.user, password: cluster.password,
            database: cluster.database, tls: .disable)
        let logger = Logger(label: "taxii-tests.postgres")
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        // The name is made here of hex digits only: safe to splice, since identifiers cannot be bound.
        try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: logger)
        try await connection.close()
        let password = cluster.password.map { ":" + Self.escape($0) } ?? ""
        let url = "postgres://\(Self.escape(cluster.user))\(password)@\(cluster.host):\(cluster.port)/\(name)"
        return TestDatabase(kind: kind, folder: folder, url: url)
    }

    /// Opens the store (another instance on the same database, for PostgreSQL).
    func open() async throws -> any ServerStore {
        try await TAXIIServer.openStore(dataFolder: dataFolder, database: url, logger: Logger(label: "taxii-tests"))
    }

    private static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}
