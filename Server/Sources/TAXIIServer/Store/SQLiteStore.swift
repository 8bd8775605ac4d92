import Foundation
import GRDB

/// The server's SQLite database (the default ``ServerStore``): one file under `--data`, in WAL mode (a GRDB
/// `DatabasePool`), or in memory when the server is given no folder (tests).
///
/// It records each collection served, with a digest of the objects of its full view, so that a report that changed
/// between two starts is noticed: `date_added` is derived from the report's date and the object's position, and a
/// changed report moves positions (a client paging by `added_after` across such a restart may miss objects; it is
/// logged as a warning). The served objects themselves are computed from the reports at start-up and held in
/// memory per partner and collection. The inbox's submissions and their status resources are stored here
/// (``submit(_:partner:statusID:receivedAt:)``), each request in one transaction.
final class SQLiteStore: ServerStore {
    static let fileName = "exportctl-taxii.sqlite"

    let writer: any DatabaseWriter

    /// Opens (creating) the database in `folder`, or one in memory when `folder` is `nil`, and migrates it.
    init(folder: String?) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            // A 202 is sent only after the commit; FULL makes the commit reach the disk first, not just the WAL
            // in the page cache, so an acknowledged submission survives a power cut as well as a killed process.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        if let folder {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            writer = try DatabasePool(path: folder + "/" + Self.fileName, configuration: configuration)
        } else {
            writer = try DatabaseQueue(configuration: configuration)
        }
        try Self.migrator.migrate(writer)
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-collections") { db in
            try db.create(table: "collection") { table in
                table.primaryKey("id", .text)
                table.column("digest", .text).notNull()
                table.column("object_count", .integer).notNull()
                table.column("first_served", .text).notNull()
            }
        }
        migrator.registerMigration("v2-inbox") { db in
            // One row per accepted POST: its status resource, readable by the partner that sent it.
            try db.create(table: "submission") { table in
                table.primaryKey("id", .text)
                table.column("partner", .text).notNull()
                table.column("request_timestamp", .text).notNull()
                table.column("status", .text).notNull()
            }
            // Keyed by partner as well: one partner's submissions never decide what another's are told (a
            // conflict or a duplicate would otherwise reveal that someone else sent that object).
            try db.create(table: "inbox_object") { table in
                table.column("partner", .text).notNull()
                table.column("stix_id", .text).notNull()
                table.column("version", .text).notNull()
                table.column("type", .text).notNull()
                table.column("date_added", .text).notNull()
                table.column("submission", .text).notNull().references("submission")
                table.column("object", .text).notNull()
                table.primaryKey(["partner", "stix_id", "version"])
            }
        }
        return migrator
    }

    /// The journal mode SQLite reports (`wal` for a file).
    var journalMode: String {
        get throws { try writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" } }
    }

    func record(collection id: String, digest: String, objectCount: Int, now: String) async throws -> String? {
        try await writer.write { db in
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
