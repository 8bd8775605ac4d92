public import Export

/// One step of a path into a JSON document.
public enum JSONPathStep: Sendable {
    case key(String)
    case index(Int)
}

extension JSONValue {
    /// A copy with the value at `path` replaced by `value`, or removed when `value` is nil.
    public func setting(_ path: [JSONPathStep], to value: JSONValue?) -> JSONValue {
        guard let step = path.first else { return value ?? .null }
        let rest = Array(path.dropFirst())
        switch (self, step) {
        case (.object(var members), .key(let key)):
            if rest.isEmpty, value == nil {
                members.removeValue(forKey: key)
            } else {
                members[key] = (members[key] ?? .object([:])).setting(rest, to: value)
            }
            return .object(members)
        case (.array(var elements), .index(let index)) where elements.indices.contains(index):
            if rest.isEmpty, value == nil {
                elements.remove(at: index)
            } else {
                elements[index] = elements[index].setting(rest, to: value)
            }
            return .array(elements)
        default:
            return self
        }
    }

    /// The value at `path`, if there is one.
    public func value(at path: [JSONPathStep]) -> JSONValue? {
        guard let step = path.first else { return self }
        switch (self, step) {
        case (.object(let members), .key(let key)): return members[key]?.value(at: Array(path.dropFirst()))
        case (.array(let elements), .index(let index)) where elements.indices.contains(index):
            return elements[index].value(at: Array(path.dropFirst()))
        default: return nil
        }
    }
}
