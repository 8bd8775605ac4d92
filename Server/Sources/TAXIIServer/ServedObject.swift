/// One STIX object as one partner is served it: its bytes from the partner's view, indexed for TAXII queries.
///
/// A class, not a struct: a page copies a hundred of these per request, and a struct of four strings and an
/// array cost five reference-count operations per copy (a fifth of a paged read's CPU at 1,000,000 objects, by
/// perf); a reference costs one. It is immutable, so sharing it is safe.
public final class ServedObject: Sendable {
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

    init(id: String, type: String, version: String, dateAdded: TAXIITimestamp, bytes: [UInt8]) {
        self.id = id
        self.type = type
        self.version = version
        self.dateAdded = dateAdded
        self.bytes = bytes
    }
}
