import GRDB

/// The inbox in SQLite: each POST is one transaction (GRDB serialises writers), so a request is stored whole or not
/// at all, and the status is answered only once it is committed.
extension SQLiteStore {
    func submit(_ envelope: InboxEnvelope, partner: String, statusID: String, receivedAt: String) async throws
        -> (status: SubmissionStatus, isStored: Bool)
    {
        try await writer.write { db in
            var stored: [SubmissionPlan.Key: SubmissionPlan.Stored] = [:]
            for key in SubmissionPlan.keys(of: envelope) where stored[key] == nil {
                let row = try Row.fetchOne(
                    db, sql: "SELECT object, date_added FROM inbox_object WHERE partner = ? AND stix_id = ? AND version = ?",
                    arguments: [partner, key.id, key.version])
                if let row { stored[key] = .init(object: row["object"], dateAdded: row["date_added"]) }
            }
            let plan = SubmissionPlan(envelope, stored: stored, statusID: statusID, receivedAt: receivedAt)
            guard plan.isStored else { return (plan.status, false) }
            try db.execute(
                sql: "INSERT INTO submission (id, partner, request_timestamp, status) VALUES (?, ?, ?, ?)",
                arguments: [statusID, partner, receivedAt, String(decoding: plan.status.bytes, as: UTF8.self)])
            for insert in plan.inserts {
                try db.execute(
                    sql: """
                        INSERT INTO inbox_object (partner, stix_id, version, type, date_added, submission, object)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [partner, insert.key.id, insert.key.version, insert.type, receivedAt, statusID, insert.object])
            }
            return (plan.status, true)
        }
    }

    func status(_ id: String, partner: String) async throws -> [UInt8]? {
        try await writer.read { db in
            try String.fetchOne(
                db, sql: "SELECT status FROM submission WHERE id = ? AND partner = ?", arguments: [id, partner])
        }.map { Array($0.utf8) }
    }

    func submittedObjects(partner: String? = nil) async throws -> [SubmittedObject] {
        try await writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT partner, submission, date_added, object FROM inbox_object
                    WHERE ?1 IS NULL OR partner = ?1 ORDER BY date_added, rowid
                    """, arguments: [partner])
            return rows.map {
                SubmittedObject(partner: $0["partner"], statusID: $0["submission"], dateAdded: $0["date_added"], object: $0["object"])
            }
        }
    }

    func counts() async throws -> (submissions: Int, objects: Int) {
        try await writer.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM submission") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM inbox_object") ?? 0)
        }
    }
}
