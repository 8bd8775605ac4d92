import GRDB

/// The inbox's storage: each POST is one SQLite transaction, so a request is stored whole or not at all, and the
/// status is answered only once it is committed.
extension ServerStore {
    /// One stored submission object, as an operator lists it.
    package struct SubmittedObject: Sendable {
        /// The partner that sent it.
        package let partner: String
        /// The status id of the request that stored it.
        package let statusID: String
        /// When the server stored it (TAXII timestamp).
        package let dateAdded: String
        /// The object as canonical compact JSON.
        package let object: String
    }

    /// Stores the acceptable objects of an envelope for `partner` and the status resource, in one transaction.
    ///
    /// An object whose (id, version) this partner already sent is a success when it is the same JSON (an exact
    /// duplicate, which TAXII says must not be an error) and a failure when it differs. An object with neither
    /// `modified` nor `created` has one version, reported as the time it was first stored (TAXII asks for "a value
    /// consistent to the server"). When no object succeeds nothing is written and the status is returned for the
    /// caller's 422.
    /// - Returns: The status, and whether it was stored.
    func submit(_ envelope: InboxEnvelope, partner: String, statusID: String, receivedAt: String) async throws
        -> (status: SubmissionStatus, isStored: Bool)
    {
        try await writer.write { db in
            var status = SubmissionStatus(id: statusID, requestTimestamp: receivedAt)
            var inserts: [(id: String, version: String, type: String, object: String)] = []
            // The objects this request stores, by id and version: a repeat within one envelope is found in one
            // lookup (a scan of `inserts` made an envelope of n objects cost n²: a 10 MB body of tiny objects
            // would have held a core for seconds).
            var pending: [String: String] = [:]
            for entry in envelope.entries {
                let key = entry.version ?? ""
                switch entry.verdict {
                case .refused(let reason):
                    status.failures.append(.init(id: entry.id, version: entry.version ?? receivedAt, message: reason))
                case .acceptable(let type, let bytes):
                    let text = String(decoding: bytes, as: UTF8.self)
                    let row = try Row.fetchOne(
                        db, sql: "SELECT object, date_added FROM inbox_object WHERE partner = ? AND stix_id = ? AND version = ?",
                        arguments: [partner, entry.id, key])
                    let stored: (object: String, dateAdded: String)? =
                        row.map { ($0["object"], $0["date_added"]) }
                        ?? pending[entry.id + "\u{0}" + key].map { ($0, receivedAt) }
                    let detail = { (message: String) in
                        SubmissionStatus.Detail(
                            id: entry.id, version: entry.version ?? stored?.dateAdded ?? receivedAt, message: message)
                    }
                    switch stored?.object {
                    case nil:
                        inserts.append((entry.id, key, type, text))
                        pending[entry.id + "\u{0}" + key] = text
                        status.successes.append(detail("stored"))
                    case text:
                        status.successes.append(detail("already stored: an exact duplicate"))
                    default:
                        status.failures.append(detail("a different object with this id and version was already sent"))
                    }
                }
            }
            guard !inserts.isEmpty || !status.successes.isEmpty else { return (status, false) }
            try db.execute(
                sql: "INSERT INTO submission (id, partner, request_timestamp, status) VALUES (?, ?, ?, ?)",
                arguments: [statusID, partner, receivedAt, String(decoding: status.bytes, as: UTF8.self)])
            for insert in inserts {
                try db.execute(
                    sql: """
                        INSERT INTO inbox_object (partner, stix_id, version, type, date_added, submission, object)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [partner, insert.id, insert.version, insert.type, receivedAt, statusID, insert.object])
            }
            return (status, true)
        }
    }

    /// The stored status resource `id`, when `partner` made that request; `nil` otherwise (one answer for "no
    /// such status" and "another partner's", so that status ids reveal nothing).
    func status(_ id: String, partner: String) async throws -> [UInt8]? {
        try await writer.read { db in
            try String.fetchOne(
                db, sql: "SELECT status FROM submission WHERE id = ? AND partner = ?", arguments: [id, partner])
        }.map { Array($0.utf8) }
    }

    /// Every stored submission object, oldest first (for the operator: partners cannot read the inbox).
    /// - Parameter partner: Only this partner's, when given.
    package func submittedObjects(partner: String? = nil) throws -> [SubmittedObject] {
        try writer.read { db in
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

    /// How many submissions and stored objects there are (for tests and the operator's summary).
    package func counts() throws -> (submissions: Int, objects: Int) {
        try writer.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM submission") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM inbox_object") ?? 0)
        }
    }
}
