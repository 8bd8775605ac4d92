/// One STIX object as one partner is served it: its bytes from the partner's view, indexed for TAXII queries.
public struct ServedObject: Sendable {
    /// `type--uuid`.
    public let id: String
    /// The STIX type.
    public let type: String
    /// The STIX version: `modified`, or `created` for an object without one.
    public let version: String
    /// When the server "added" it: the report's date plus the object's position in milliseconds, so that it is
    /// the same on every start and `added_after` paging survives a restart.
    public let dateAdded: TAXIITimestamp
    /// The object as canonical JSON.
    public let bytes: [UInt8]
    /// The STIX spec version of every object served (writers write 2.1; imports are read as 2.1).
    public var specVersion: String { "2.1" }
}
