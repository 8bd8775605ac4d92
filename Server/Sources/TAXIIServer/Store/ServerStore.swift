/// Where the server keeps its state: each collection's digest, the inbox's submissions, their objects and their
/// status resources. ``SQLiteStore`` (one file under `--data`, the default) and ``PostgresStore`` (`--database
/// postgres://…`, shared by several instances) keep the same things and pass the same tests.
///
/// Neither caches anything in the process: every answer comes from the database, so instances behind one load
/// balancer never disagree. (The served objects are not state: every instance computes them from the same reports.)
protocol ServerStore: Sendable {
    /// Records a collection's digest; returns the digest it had before when it differs (the report changed since
    /// the last start, so `date_added` values moved).
    func record(collection id: String, digest: String, objectCount: Int, now: String) async throws -> String?

    /// Stores the acceptable objects of an envelope for `partner` and the status resource, all or nothing
    /// (``SubmissionPlan`` decides what is stored and what each object is told).
    /// - Returns: The status, and whether it was stored (not when no object succeeded: the caller answers 422).
    func submit(_ envelope: InboxEnvelope, partner: String, statusID: String, receivedAt: String) async throws
        -> (status: SubmissionStatus, isStored: Bool)

    /// The stored status resource `id`, when `partner` made that request; `nil` otherwise (one answer for "no
    /// such status" and "another partner's", so that status ids reveal nothing).
    func status(_ id: String, partner: String) async throws -> [UInt8]?

    /// Every stored submission object, oldest first (for the operator: partners cannot read the inbox).
    /// - Parameter partner: Only this partner's, when given.
    func submittedObjects(partner: String?) async throws -> [SubmittedObject]

    /// How many submissions and stored objects there are (for tests and the operator's summary).
    func counts() async throws -> (submissions: Int, objects: Int)
}
