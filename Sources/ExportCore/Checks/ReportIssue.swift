/// A problem found in a report's model, located by its field path in the authoring format.
///
/// The path (`incidents[2].attributed_to[0]`) lets a reader that kept source positions point at the line and
/// column; a report built in Swift gets the path itself as the place.
public struct ReportIssue: Sendable, Hashable {
    /// How serious it is.
    public var severity: Diagnostic.Severity
    /// The field it concerns, in authoring keys.
    public var path: String
    /// What is wrong.
    public var message: String
    /// How to fix it.
    public var hint: String?

    /// Creates an issue.
    public init(_ severity: Diagnostic.Severity = .error, at path: String, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.path = path
        self.message = message
        self.hint = hint
    }

    /// The issue as a diagnostic at `location`, or naming its path when no location is known.
    public func diagnostic(at location: SourceLocation?) -> Diagnostic {
        Diagnostic(severity, location == nil ? "\(path): \(message)" : message, at: location, hint: hint)
    }
}
