import Export
import Foundation
import Logging

/// The inbox as an operator reads it: every stored submission object, one JSON line each.
///
/// ```swift
/// for line in try await SubmissionListing.lines(dataFolder: "exportctl-taxii-data") { print(line) }
/// // {"date_added":"…","object":{…},"partner":"jp-ncc","status_id":"…"}
/// ```
public enum SubmissionListing {
    /// The lines, oldest first.
    /// - Parameters:
    ///   - dataFolder: The server's `--data` folder; it must hold the server's SQLite database.
    ///   - database: The server's `--database` PostgreSQL URL, read instead of `dataFolder` when given.
    ///   - partner: Only this partner's submissions, when given.
    /// - Throws: ``ExportError`` `.io` when the folder holds no database; ``TAXIIConfigurationError`` for a bad or
    ///   unreachable `database`; the database's error when it cannot be read.
    public static func lines(dataFolder: String, database: String? = nil, partner: String? = nil) async throws -> [String] {
        // Reading must not create an empty database in a mistyped folder.
        guard database != nil || FileManager.default.fileExists(atPath: dataFolder + "/" + SQLiteStore.fileName) else {
            throw ExportError(.io, "\(dataFolder): no TAXII server database here (serve's --data folder)")
        }
        var logger = Logger(label: "exportctl.taxii.submissions")
        logger.logLevel = .warning
        let store = try await TAXIIServer.openStore(dataFolder: dataFolder, database: database, logger: logger)
        return try await store.submittedObjects(partner: partner).map { row in
            // Stored canonical, so reading it back and writing it again gives the same bytes.
            let object = (try? LocatedJSONReader.read(Array(row.object.utf8)).value) ?? .string(row.object)
            let line: JSONValue = .object([
                "partner": .string(row.partner), "status_id": .string(row.statusID),
                "date_added": .string(row.dateAdded), "object": object,
            ])
            return String(CanonicalJSON.string(line, indent: nil).dropLast())
        }
    }
}
