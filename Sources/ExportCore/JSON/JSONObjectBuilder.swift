/// Builds a JSON object, dropping absent values and empty lists, and writes it as ``CanonicalJSON`` would.
///
/// Members are kept in the order they were set, not in a dictionary: an export builds millions of small
/// objects, and hashing every key, growing a table and sorting it again to write it cost more than the
/// writing. Setting a key again replaces its value (the last one wins when written or read).
///
/// ```swift
/// var object = JSONObjectBuilder()
/// object["type"] = "identity"
/// object.strings("roles", ["cert"])
/// var out: [UInt8] = []
/// object.write(indent: 2, into: &out)   // the bytes of CanonicalJSON.write(object.value, indent: 2, ...)
/// ```
package struct JSONObjectBuilder {
    package private(set) var members: [(key: String, value: JSONValue)] = []
    /// The sharing label the object goes out under, for consumers that take objects one by one (a TAXII
    /// server); never written into the JSON.
    package var label: Marking?

    package init() { members.reserveCapacity(16) }

    /// The members of an object value (an imported object written back); anything else gives no members.
    package init(_ object: JSONValue) {
        members = object.objectValue.map { $0.map { (key: $0.key, value: $0.value) } } ?? []
    }

    /// Starts a named object: its id, name and aliases.
    init(id: String, name: String, aliases: [String]) {
        self.init()
        members.append(("id", .string(id)))
        members.append(("name", .string(name)))
        strings("aliases", aliases)
    }

    /// The object as a value (the last value of a key set twice).
    package var value: JSONValue {
        // A loop, not `Dictionary(_:uniquingKeysWith:)`: called from the format modules, that generic initialiser
        // ran unspecialised, looking up type metadata at run time, for a tenth of a STIX 2.1 export's time.
        var object = [String: JSONValue](minimumCapacity: members.count)
        for member in members { object[member.key] = member.value }
        return .object(object)
    }

    package subscript(key: String) -> JSONValue? {
        get { members.last(where: { $0.key == key })?.value }
        set { if let newValue { members.append((key, newValue)) } }
    }

    package mutating func list(_ key: String, _ values: [JSONValue]) {
        if !values.isEmpty { members.append((key, .array(values))) }
    }

    package mutating func strings<T: CustomStringConvertible>(_ key: String, _ values: [T]) {
        list(key, values.map { .string($0.description) })
    }

    // The overloads for strings themselves are what the writers call for nearly every object: from another
    // module the generic ones run unspecialised, looking up type metadata at run time (a 5 % slower export).
    package mutating func strings(_ key: String, _ values: [String]) {
        guard !values.isEmpty else { return }
        var list: [JSONValue] = []
        list.reserveCapacity(values.count)
        for value in values { list.append(.string(value)) }
        members.append((key, .array(list)))
    }

    package mutating func text<T: CustomStringConvertible>(_ key: String, _ value: T?) {
        if let value { members.append((key, .string(value.description))) }
    }

    package mutating func text(_ key: String, _ value: String?) {
        if let value { members.append((key, .string(value))) }
    }

    /// The fields every report object shares.
    mutating func common(confidence: Int?, sources: [String], marking: Marking?) {
        self["confidence"] = confidence.map(JSONValue.int)
        strings("sources", sources)
        self["marking"] = marking.map(\.authoringJSON)
    }

    /// `evidence` as the authoring format writes it: one quote as a string, several as a list, none left out.
    mutating func evidence(_ quotes: [String]) {
        if quotes.count == 1 { self["evidence"] = .string(quotes[0]) } else { strings("evidence", quotes) }
    }

    /// Appends the object as `CanonicalJSON.write(value, indent:level:into:)` does, without a dictionary.
    package func write(indent: Int?, level: Int = 0, into out: inout [UInt8]) {
        CanonicalJSON.writeMembers(members, order: writeOrder(), indent: indent, level: level, into: &out)
    }

    /// The members in the order they are written: by key, one per key (the last set).
    package func sortedMembers() -> [(key: String, value: JSONValue)] { writeOrder().map { members[$0] } }

    /// The positions of the members written, in the order written.
    private func writeOrder() -> [Int] {
        // Sorted by key, then by the order set, so the last of a repeated key is the one kept.
        let order = CanonicalJSON.keyOrder(members)
        func repeatsNext(_ position: Int) -> Bool {
            position + 1 < order.count && order[position].prefix == order[position + 1].prefix
                && members[order[position].index].key == members[order[position + 1].index].key
        }
        guard order.indices.contains(where: repeatsNext) else { return order.map(\.index) }
        return order.indices.filter { !repeatsNext($0) }.map { order[$0].index }
    }
}
