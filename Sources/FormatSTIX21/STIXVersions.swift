import ExportCore

/// STIX versioning on import: objects that share an `id` are versions of one object, and the one with the latest
/// `modified` is current (STIX 2.1, 3.6). A partner's bundle may carry several versions (or the same object twice);
/// the model has one object per id, so the reader keeps the latest version, where the first of them stood.
///
/// ```swift
/// let (current, older) = STIXVersions.latest(objects)   // older: how many versions were set aside
/// ```
enum STIXVersions {
    /// The objects with only the latest version of each id (the first of equal ones), in bundle order.
    static func latest(_ objects: [JSONValue]) -> (current: [JSONValue], older: Int) {
        var slot: [String: Int] = [:]
        var current: [JSONValue] = []
        for object in objects {
            guard let id = object["id"]?.stringValue else {
                current.append(object)
                continue
            }
            guard let index = slot[id] else {
                slot[id] = current.count
                current.append(object)
                continue
            }
            if sortKey(object) > sortKey(current[index]) { current[index] = object }
        }
        return (current, objects.count - current.count)
    }

    /// `modified` (else `created`, as marking definitions have no `modified`) with its fraction padded to nine
    /// digits, so that timestamps of different precision compare as instants (`05.1Z` equals `05.100Z`).
    static func sortKey(_ object: JSONValue) -> String {
        let timestamp = object["modified"]?.stringValue ?? object["created"]?.stringValue ?? ""
        let body = timestamp.hasSuffix("Z") ? timestamp.dropLast() : Substring(timestamp)
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let fraction = parts.count > 1 ? parts[1] : ""
        return parts[0] + "." + fraction + String(repeating: "0", count: max(0, 9 - fraction.count))
    }
}
