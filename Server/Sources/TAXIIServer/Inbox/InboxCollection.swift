import Export

/// The one collection partners write to: listed for every partner, `can_write` true and `can_read` false.
///
/// It is write-only because what one partner submits is not for the others: nobody reads it over TAXII. An operator
/// lists what was sent with `exportctl-serve submissions --data DIR`, or from the SQLite database.
enum InboxCollection {
    /// Its id: fixed, so that partners can configure it once. (A report's collection id is its STIX report
    /// object's UUID, a version 4 or 5 UUID; this one is neither, so the two cannot meet.)
    static let id = "e0c0ffee-7a11-0000-8000-000000000001"

    /// The collection resource.
    static let resource: JSONValue = .object([
        "id": .string(id), "title": "Inbox",
        "description": "Submissions to the desk. Write-only: nothing sent here is served to any partner.",
        "can_read": .bool(false), "can_write": .bool(true), "media_types": .array([.string(TAXIIMediaType.stix)]),
    ])
}
