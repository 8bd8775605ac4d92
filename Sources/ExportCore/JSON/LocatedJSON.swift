/// A JSON value with the line and column where it starts, as ``LocatedJSONReader`` reads it.
///
/// Objects keep their members in input order (duplicates are refused by the reader), so findings come
/// out in the order a person reads the file.
public struct LocatedJSON: Sendable, Hashable {
    /// What kind of value, with its content.
    public enum Kind: Sendable, Hashable {
        case null
        case bool(Bool)
        /// A number as written, and whether it is an integer literal (no fraction, no exponent).
        case number(String, isInteger: Bool)
        case string(String)
        case array([LocatedJSON])
        case object([Member])
    }

    /// One member of an object: its key, where the key starts, and its value.
    public struct Member: Sendable, Hashable {
        /// The key.
        public var key: String
        /// The 1-based line of the key.
        public var line: Int
        /// The 1-based column of the key.
        public var column: Int
        /// The value.
        public var value: LocatedJSON

        package init(key: String, line: Int, column: Int, value: LocatedJSON) {
            (self.key, self.line, self.column, self.value) = (key, line, column, value)
        }
    }

    /// The value.
    public var kind: Kind
    /// The 1-based line where the value starts.
    public var line: Int
    /// The 1-based column (in Unicode scalars) where the value starts.
    public var column: Int

    package init(kind: Kind, line: Int, column: Int) {
        (self.kind, self.line, self.column) = (kind, line, column)
    }

    /// The member named `key`, when this is an object that has it.
    public subscript(key: String) -> LocatedJSON? { member(key)?.value }

    /// The member named `key` with its location.
    public func member(_ key: String) -> Member? {
        if case .object(let members) = kind { return members.first { $0.key == key } }
        return nil
    }

    /// The members, when this is an object.
    public var members: [Member]? {
        if case .object(let members) = kind { return members }
        return nil
    }

    /// The elements, when this is an array.
    public var elements: [LocatedJSON]? {
        if case .array(let elements) = kind { return elements }
        return nil
    }

    /// The string, when this is one.
    public var string: String? {
        if case .string(let text) = kind { return text }
        return nil
    }

    /// The value without locations.
    public var value: JSONValue {
        switch kind {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .number(let text, let isInteger):
            isInteger ? (Int(text).map(JSONValue.int) ?? .double(Double(text) ?? 0)) : .double(Double(text) ?? 0)
        case .string(let text): .string(text)
        case .array(let elements): .array(elements.map(\.value))
        case .object(let members): .object(Self.dictionary(of: members))
        }
    }

    /// The members as a dictionary, the first of repeated keys kept (the reader refuses repeats; a tree built
    /// by hand may have them). Filled in reverse, so the first is written last: one hash per key, no array of
    /// pairs in between; every object a re-export keeps goes through here.
    private static func dictionary(of members: [Member]) -> [String: JSONValue] {
        var object = [String: JSONValue](minimumCapacity: members.count)
        for member in members.reversed() { object[member.key] = member.value.value }
        return object
    }

    /// A name for the value's kind, for messages ("an object", "a string").
    public var kindName: String {
        switch kind {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "a list"
        case .object: "an object"
        }
    }
}
