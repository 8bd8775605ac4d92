import ExportCore

/// A node of a YAML (or JSON) document, with where it starts in the file.
///
/// Scalars keep the exact text the author wrote; nothing is resolved to booleans, numbers or timestamps
/// here (Yams' default resolver would turn `country: NO` into `false`). ``isPlain`` says whether the scalar
/// was unquoted, which decides how fields typed as numbers read it.
package struct YAMLNode: Sendable {
    package enum Content: Sendable {
        case scalar(String, isPlain: Bool)
        case sequence([YAMLNode])
        case mapping([(key: YAMLNode, value: YAMLNode)])
    }

    package var content: Content
    // 32-bit positions: a million-object document has tens of millions of nodes, and two 64-bit integers were
    // a fifth of each. A position past 4 GiB (only inputs above the default size limit reach one) is clamped.
    private var storedLine: UInt32
    private var storedColumn: UInt32

    /// 1-based line.
    package var line: Int { Int(storedLine) }
    /// 1-based column, in Unicode scalars.
    package var column: Int { Int(storedColumn) }

    init(content: Content, line: Int, column: Int) {
        self.content = content
        self.storedLine = UInt32(clamping: line)
        self.storedColumn = UInt32(clamping: column)
    }

    /// The scalar's text, when this is a scalar.
    var scalar: String? {
        if case .scalar(let text, _) = content { text } else { nil }
    }

    /// Whether this is an unquoted scalar YAML 1.2's core schema reads as null (`null`, `~`, nothing).
    var isNull: Bool {
        guard case .scalar(let text, true) = content else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(text)
    }

    /// What the node is, for messages ("a mapping", "a list", "a string").
    var kindDescription: String {
        switch content {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .scalar(let text, let isPlain):
            if !isPlain { "a string" } else if isNull { "null" } else { PlainScalar.classify(text).description }
        }
    }
}

/// How YAML 1.2's core schema would read an unquoted scalar; used only to explain type errors and to accept
/// numbers where numbers belong.
enum PlainScalar: CustomStringConvertible {
    case null, boolean, integer, float, string

    static func classify(_ text: String) -> PlainScalar {
        if ["", "~", "null", "Null", "NULL"].contains(text) { return .null }
        if ["true", "True", "TRUE", "false", "False", "FALSE"].contains(text) { return .boolean }
        if isInteger(text) { return .integer }
        if Double(text) != nil, text.utf8.allSatisfy({ Self.floatBytes.contains($0) }) { return .float }
        if [".inf", ".Inf", ".INF", "-.inf", "+.inf", ".nan", ".NaN", ".NAN"].contains(text) { return .float }
        return .string
    }

    static func isInteger(_ text: String) -> Bool {
        var digits = Substring(text)
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.utf8.allSatisfy { (48...57).contains($0) }
    }

    private static let floatBytes = Set("0123456789+-.eE".utf8)

    var description: String {
        switch self {
        case .null: "null"
        case .boolean: "a boolean"
        case .integer: "an integer"
        case .float: "a number"
        case .string: "a string"
        }
    }
}
