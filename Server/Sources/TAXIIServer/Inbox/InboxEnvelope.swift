import Export

/// The body of a POST to the inbox, read and judged object by object before anything is stored.
///
/// A body that is not JSON is a 400; JSON that is not an envelope (`{"objects": [...]}` with at least one
/// object, and no members but `objects`, `more` and `next`) is a 422. Each object is then judged on its own
/// (``InboxEntry``), so one bad object does not sink the others.
struct InboxEnvelope: Sendable {
    /// The objects, in the order sent.
    let entries: [InboxEntry]

    /// Reads and judges an envelope.
    /// - Parameters:
    /// - Parameter bytes: The request body (already bounded by `max_content_length`).
    /// - Throws: ``TAXIIError`` 400 for malformed JSON, 422 for JSON that is not an envelope.
    init(_ bytes: [UInt8]) throws(TAXIIError) {
        let document: LocatedJSON
        do {
            document = try LocatedJSONReader.read(bytes)
        } catch {
            throw TAXIIError.badRequest("the body is not JSON: \(error.description)")
        }
        guard let members = document.members else {
            throw TAXIIError.unprocessable("an envelope is a JSON object, not \(document.kindName)")
        }
        for member in members where !["objects", "more", "next"].contains(member.key) {
            throw TAXIIError.unprocessable(
                "an envelope has only 'objects' (and 'more', 'next'), not '\(TAXIIGate.loggable(member.key))'")
        }
        guard let objects = document["objects"] else {
            throw TAXIIError.unprocessable("the envelope has no 'objects'")
        }
        guard let elements = objects.elements else {
            throw TAXIIError.unprocessable("'objects' must be a list, not \(objects.kindName)")
        }
        guard !elements.isEmpty else { throw TAXIIError.unprocessable("the envelope holds no objects") }
        entries = elements.enumerated().map { InboxEntry($1, position: $0 + 1) }
    }
}
