import Export

/// The TAXII status resource of one POST to the inbox: every object a success or a failure (the server works
/// synchronously, so nothing is ever pending and the status is always `complete`).
struct SubmissionStatus: Sendable {
    /// One object's line in the status: its id and version, and what happened.
    struct Detail: Sendable, Equatable {
        let id: String
        let version: String
        let message: String
    }

    let id: String
    let requestTimestamp: String
    var successes: [Detail] = []
    var failures: [Detail] = []

    /// The resource as TAXII 2.1 defines it (section 4.3.1).
    var resource: JSONValue {
        func list(_ details: [Detail]) -> JSONValue {
            .array(details.map {
                .object(["id": .string($0.id), "version": .string($0.version), "message": .string($0.message)])
            })
        }
        return .object([
            "id": .string(id), "status": "complete", "request_timestamp": .string(requestTimestamp),
            "total_count": .int(successes.count + failures.count),
            "success_count": .int(successes.count), "successes": list(successes),
            "failure_count": .int(failures.count), "failures": list(failures),
            "pending_count": .int(0), "pendings": .array([]),
        ])
    }

    /// The resource's bytes, as stored and served.
    var bytes: [UInt8] { CanonicalJSON.bytes(resource, indent: nil) }
}
