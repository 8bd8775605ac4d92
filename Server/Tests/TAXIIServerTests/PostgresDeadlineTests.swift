import Logging
import PostgresNIO
import Testing

@testable import TAXIIServer

/// A PostgreSQL that does not answer in time makes a request a 503, not a hang; nothing is lost or doubled.
struct PostgresDeadlineTests {
    /// Another session holds the partner's advisory lock, so the submission waits: after the deadline it is a 503.
    /// Once the lock is released the same envelope succeeds, and the object is stored once.
    @Test func aSubmissionThatWaitsPastTheDeadlineIs503() async throws {
        let database = try await TestDatabase.make(.postgres)
        let url = try PostgresURL(try #require(database.url))
        let logger = Logger(label: "taxii-tests")
        let store = try await PostgresStore(url: url, logger: logger, deadline: .milliseconds(500))
        let envelope = try InboxEnvelope(Submission.envelope([Submission.indicator(1)]))
        let blocker = try await PostgresConnection.connect(
            configuration: .init(host: url.host, port: url.port, username: url.user, password: url.password,
                                 database: url.database, tls: .disable), id: 9, logger: logger)
        try await blocker.query(
            "SELECT pg_advisory_lock(\(PostgresStore.partnerLockClass), hashtext(\("jp")))", logger: logger)
        await #expect(throws: TAXIIError.unavailable) {
            _ = try await store.submit(envelope, partner: "jp", statusID: "s1", receivedAt: "2026-01-01T00:00:00.000000Z")
        }
        try await blocker.close()
        // Through a store with the usual deadline: the retry waits for the abandoned request, which now commits.
        let patient = try await database.open()
        let retried = try await patient.submit(envelope, partner: "jp", statusID: "s2", receivedAt: "2026-01-01T00:00:01.000000Z")
        #expect(retried.status.failures.isEmpty && retried.status.successes.count == 1)
        #expect(try await patient.counts().objects == 1)
    }
}
