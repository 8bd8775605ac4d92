import PostgresNIO

/// The inbox in PostgreSQL: each POST is one transaction, stored whole or not at all and answered only after the
/// commit. A partner's submissions are serialised across instances by a transaction-scoped advisory lock, so that
/// two instances storing the same (id, version) at once decide one after the other, as SQLite's single writer does
/// (without it both would see no row, both insert, and one request would fail on the primary key).
extension PostgresStore {
    func submit(_ envelope: InboxEnvelope, partner: String, statusID: String, receivedAt: String) async throws
        -> (status: SubmissionStatus, isStored: Bool)
    {
        let (client, logger) = (self.client, self.logger)
        return try await withDeadline { try await client.withTransaction(logger: logger) { connection in
            try await connection.query(
                "SELECT pg_advisory_xact_lock(\(Self.partnerLockClass), hashtext(\(partner)))", logger: logger)
            // One query for every key of the envelope, however many objects it holds.
            let keys = SubmissionPlan.keys(of: envelope)
            let rows = try await connection.query(
                """
                SELECT o.stix_id, o.version, o.object, o.date_added FROM inbox_object o
                JOIN unnest(\(keys.map(\.id))::text[], \(keys.map(\.version))::text[]) AS k(stix_id, version)
                    ON o.stix_id = k.stix_id AND o.version = k.version
                WHERE o.partner = \(partner)
                """, logger: logger)
            var stored: [SubmissionPlan.Key: SubmissionPlan.Stored] = [:]
            for try await (id, version, object, dateAdded) in rows.decode((String, String, String, String).self) {
                stored[.init(id: id, version: version)] = .init(object: object, dateAdded: dateAdded)
            }
            let plan = SubmissionPlan(envelope, stored: stored, statusID: statusID, receivedAt: receivedAt)
            guard plan.isStored else { return (plan.status, false) }
            let status = String(decoding: plan.status.bytes, as: UTF8.self)
            try await connection.query(
                """
                INSERT INTO submission (id, partner, request_timestamp, status)
                VALUES (\(statusID), \(partner), \(receivedAt), \(status))
                """, logger: logger)
            let inserts = plan.inserts
            try await connection.query(
                """
                INSERT INTO inbox_object (partner, stix_id, version, type, date_added, submission, object)
                SELECT \(partner), i, v, t, \(receivedAt), \(statusID), o
                FROM unnest(\(inserts.map(\.key.id))::text[], \(inserts.map(\.key.version))::text[],
                    \(inserts.map(\.type))::text[], \(inserts.map(\.object))::text[]) WITH ORDINALITY AS r(i, v, t, o, n)
                ORDER BY n
                """, logger: logger)
            return (plan.status, true)
        } }
    }

    func status(_ id: String, partner: String) async throws -> [UInt8]? {
        let (client, logger) = (self.client, self.logger)
        return try await withDeadline {
            let rows = try await client.query(
                "SELECT status FROM submission WHERE id = \(id) AND partner = \(partner)", logger: logger)
            for try await status in rows.decode(String.self) { return Array(status.utf8) }
            return nil
        }
    }

    func submittedObjects(partner: String? = nil) async throws -> [SubmittedObject] {
        let rows = try await client.query(
            """
            SELECT partner, submission, date_added, object FROM inbox_object
            WHERE \(partner)::text IS NULL OR partner = \(partner) ORDER BY date_added, seq
            """, logger: logger)
        var objects: [SubmittedObject] = []
        for try await (partner, statusID, dateAdded, object) in rows.decode((String, String, String, String).self) {
            objects.append(SubmittedObject(partner: partner, statusID: statusID, dateAdded: dateAdded, object: object))
        }
        return objects
    }

    func counts() async throws -> (submissions: Int, objects: Int) {
        let rows = try await client.query(
            "SELECT (SELECT COUNT(*) FROM submission), (SELECT COUNT(*) FROM inbox_object)", logger: logger)
        for try await (submissions, objects) in rows.decode((Int, Int).self) { return (submissions, objects) }
        return (0, 0)
    }
}
