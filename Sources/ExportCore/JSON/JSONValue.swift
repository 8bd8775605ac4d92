/// A JSON value, as exportctl builds and reads documents.
///
/// Objects are dictionaries: every writer sorts keys, so the order an object was built in never
/// reaches the output.
///
/// ```swift
/// let value: JSONValue = .object(["name": .string("Quad"), "members": .array([.string("usa")])])
/// CanonicalJSON.string(value)   // {\n  "members": [\n    "usa"\n  ],\n  "name": "Quad"\n}\n
/// ```
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The string, when this is one.
    public var stringValue: String? {
        if case .string(let value) = self { value } else { nil }
    }

    /// The members, when this is an object.
    public var objectValue: [String: JSONValue]? {
        if case .object(let value) = self { value } else { nil }
    }

    /// The elements, when this is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let value) = self { value } else { nil }
    }

    /// The member named `key`, when this is an object that has it.
    public subscript(key: String) -> JSONValue? { objectValue?[key] }
}

extension JSONValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}
