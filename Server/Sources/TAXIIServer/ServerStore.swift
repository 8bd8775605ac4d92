import Foundation
import GRDB

/// The server's SQLite database: one file under `--data`, in WAL mode (a GRDB `DatabasePool`).
///
/// In this milestone it records each collection served, with a digest of the objects of its full view, so that a
/// report that changed between two starts is noticed: `date_added` is derived from the report's date and the
/// object's position, and a changed report moves positions (a client paging by `added_after` across such a
/// restart may miss objects; it is logged as a warning). The served objects themselves are computed from the
/// reports at start-up and held in memory per partner and collection; the inbox (issue 19's next milestone)
/// stores submissions here.
final class ServerStore: Sendable {
    static let fileName = "exportctl-taxii.sqlite"

    private let pool: DatabasePool

    /// Opens (creating) the database in `folder` and migrates it.
    init(folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        pool = try DatabasePool(path: folder + "/" + Self.fileName, configuration: configuration)
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-collections") { db in
            try db.create(table: "collection") { table in
                table.primaryKey("id", .text)
                table.column("digest", .text).notNull()
                table.column("object_count", .integer).notNull()
                table.column("first_served", .text).notNull()
            }
        }
        try migrator.migrate(pool)
    }

    /// The journal mode SQLite reports (`wal`).
    var journalMode: String {
        get throws { try pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" } }
    }

    /// Records a collection's digest; returns the digest it had before when it differs.
    func record(collection id: String, digest: String, objectCount: Int, now: String) throws -> String? {
        try pool.write { db in
            let previous = try String.fetchOne(db, sql: "SELECT digest FROM collection WHERE id = ?", arguments: [id])
            try db.execute(
                sql: """
                    INSERT INTO collection (id, digest, object_count, first_served) VALUES (?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET digest = excluded.digest, object_count = excluded.object_count
                    """, arguments: [id, digest, objectCount, now])
            return previous.flatMap { $0 == digest ? nil : $0 }
        }
    }
}
