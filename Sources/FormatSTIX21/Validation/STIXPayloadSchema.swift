import ExportCore

/// One of exportctl's extension schemas, read once into what ``PayloadRules/ours(_:)`` checks:
/// `required`, and per property `const`, `enum`, `type`, `minItems`, `items`, `additionalProperties`.
/// Looking these up in the schema's JSON for every payload was a twentieth of validation's time.
struct STIXPayloadSchema: Sendable {
    let required: [String]
    let properties: [String: Rule]

    init(_ schema: JSONValue) {
        required = schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? []
        properties = (schema["properties"]?.objectValue ?? [:]).mapValues(Rule.init)
    }

    /// The rule for one value (a class: `items` and `additionalProperties` nest rules).
    final class Rule: Sendable {
        let constant: JSONValue?
        let options: [JSONValue]?
        let type: String?
        let minItems: Int?
        let items: Rule?
        /// Only an object-valued `additionalProperties` constrains the members.
        let additional: Rule?

        init(_ rule: JSONValue) {
            constant = rule["const"]
            options = rule["enum"]?.arrayValue
            type = rule["type"]?.stringValue
            if case .int(let count) = rule["minItems"] { minItems = count } else { minItems = nil }
            items = rule["items"].map(Rule.init)
            additional = rule["additionalProperties"].flatMap { $0.objectValue == nil ? nil : Rule($0) }
        }

        /// What is wrong with `value` under this rule, or `nil`.
        func problem(_ value: LocatedJSON) -> String? {
            if let constant, !Self.equals(value, constant) {
                return "must be \(CanonicalJSON.string(constant, indent: nil).dropLast())"
            }
            if let options, !options.contains(value.value) {
                return "must be one of \(options.compactMap(\.stringValue).joined(separator: ", "))"
            }
            if let type, !Self.matches(value, type) { return "must be of type \(type)" }
            if let minItems, (value.elements?.count ?? 0) < minItems { return "must have at least \(minItems) item(s)" }
            if let items, let elements = value.elements {
                for element in elements { if let problem = items.problem(element) { return "item \(problem)" } }
            }
            if let additional, let members = value.members {
                for member in members { if let problem = additional.problem(member.value) { return "member \(problem)" } }
            }
            return nil
        }

        /// `value.value == constant`, without converting a string value first.
        private static func equals(_ value: LocatedJSON, _ constant: JSONValue) -> Bool {
            if case .string(let text) = value.kind, case .string(let expected) = constant { return text == expected }
            return value.value == constant
        }

        private static func matches(_ value: LocatedJSON, _ type: String) -> Bool {
            switch (type, value.kind) {
            case ("string", .string), ("array", .array), ("object", .object), ("boolean", .bool), ("number", .number): true
            case ("integer", .number(_, let isInteger)): isInteger
            default: false
            }
        }
    }
}
