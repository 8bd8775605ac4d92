/// One finding about a user's input, printed like compiler output.
///
/// ```swift
/// let finding = Diagnostic(.error, "unknown key 'nmae'", at: SourceLocation(file: "r.yaml", line: 4, column: 5),
///                          hint: "did you mean 'name'?")
/// print(finding.rendered)
/// // r.yaml:4:5: error: unknown key 'nmae'
/// //   hint: did you mean 'name'?
/// ```
public struct Diagnostic: Sendable, Hashable {
    /// How serious a finding is.
    public enum Severity: String, Sendable, Hashable, Comparable {
        case note, warning, error

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }
    }

    /// How serious it is.
    public var severity: Severity
    /// What is wrong, in one line.
    public var message: String
    /// Where in the input; `nil` when no place in the input is to blame.
    public var location: SourceLocation?
    /// How to fix it, in one line.
    public var hint: String?

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil, hint: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.hint = hint
    }

    /// `file:line:col: severity: message`, then `  hint: ...` on its own line when there is a hint.
    public var rendered: String { render { $0 } }

    /// ``rendered`` with every control character escaped (``VisibleText``), line feeds inside the file name,
    /// message and hint included: a finding quoting `a\nfake.yaml:1:1: error: …` stays one line and its hint.
    public var visiblyRendered: String { render(VisibleText.escapedLine) }

    private func render(_ quote: (String) -> String) -> String {
        var text = (location.map { "\(quote($0.description)): " } ?? "") + "\(severity.rawValue): \(quote(message))"
        if let hint { text += "\n  hint: \(quote(hint))" }
        return text
    }
}

/// A place in a user's input: file, 1-based line and 1-based column (in Unicode scalars).
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file as the user named it, or `<stdin>`.
    public var file: String
    /// The 1-based line.
    public var line: Int
    /// The 1-based column.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

extension Array where Element == Diagnostic {
    /// Whether any finding is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}

extension Diagnostic: Error {}
