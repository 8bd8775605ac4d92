/// What one POST to the inbox stores and what each of its objects is told, decided from the envelope and the
/// rows this partner already has under the same (id, version) keys. Both stores fetch those rows inside their
/// transaction and write ``inserts`` and the status in it, so the decision is made once, here.
///
/// An object whose (id, version) this partner already sent is a success when it is the same JSON (an exact
/// duplicate, which TAXII says must not be an error) and a failure when it differs. An object with neither
/// `modified` nor `created` has one version, reported as the time it was first stored (TAXII asks for "a value
/// consistent to the server"). When no object succeeds nothing is to be written.
struct SubmissionPlan: Sendable {
    /// An object's identity within one partner's submissions.
    struct Key: Hashable, Sendable {
        let id: String
        /// `modified`, else `created`, else the empty string (an SCO's one version).
        let version: String
    }

    /// A row already stored under a key.
    struct Stored: Sendable {
        let object: String
        let dateAdded: String
    }

    /// A row to insert.
    struct Insert: Sendable {
        let key: Key
        let type: String
        let object: String
    }

    private(set) var status: SubmissionStatus
    private(set) var inserts: [Insert] = []
    /// Whether anything is to be written (at least one object succeeded).
    var isStored: Bool { !inserts.isEmpty || !status.successes.isEmpty }

    /// The keys of the envelope's acceptable objects: the rows a store must look up before deciding.
    static func keys(of envelope: InboxEnvelope) -> [Key] {
        envelope.entries.compactMap { entry in
            guard case .acceptable = entry.verdict else { return nil }
            return Key(id: entry.id, version: entry.version ?? "")
        }
    }

    /// Decides, in the envelope's order.
    /// - Parameter stored: The partner's rows under ``keys(of:)`` (missing keys are new).
    init(_ envelope: InboxEnvelope, stored: [Key: Stored], statusID: String, receivedAt: String) {
        status = SubmissionStatus(id: statusID, requestTimestamp: receivedAt)
        // What this request stores, by key: a repeat within one envelope is found in one lookup (a scan of the
        // inserts made an envelope of n objects cost n²; THREATS invariant 5).
        var pending: [Key: String] = [:]
        for entry in envelope.entries {
            let key = Key(id: entry.id, version: entry.version ?? "")
            switch entry.verdict {
            case .refused(let reason):
                status.failures.append(.init(id: entry.id, version: entry.version ?? receivedAt, message: reason))
            case .acceptable(let type, let bytes):
                let text = String(decoding: bytes, as: UTF8.self)
                let earlier = stored[key] ?? pending[key].map { Stored(object: $0, dateAdded: receivedAt) }
                let version = entry.version ?? earlier?.dateAdded ?? receivedAt
                switch earlier?.object {
                case nil:
                    inserts.append(Insert(key: key, type: type, object: text))
                    pending[key] = text
                    status.successes.append(.init(id: entry.id, version: version, message: "stored"))
                case text:
                    status.successes.append(
                        .init(id: entry.id, version: version, message: "already stored: an exact duplicate"))
                default:
                    status.failures.append(
                        .init(id: entry.id, version: version, message: "a different object with this id and version was already sent"))
                }
            }
        }
    }
}
