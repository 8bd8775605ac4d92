/// What a writer did: how many objects it wrote and what the format could not carry.
public struct ExportSummary: Sendable, Hashable {
    /// How many top-level objects went out.
    public var objectsWritten: Int
    /// What the format has no place for, by kind ("partnership membership role" → 3).
    public var notCarried: [String: Int]
    /// Warnings for the user (for example: the recipient receives nothing).
    public var warnings: [Diagnostic]

    /// Creates a summary.
    public init(objectsWritten: Int = 0, notCarried: [String: Int] = [:], warnings: [Diagnostic] = []) {
        self.objectsWritten = objectsWritten
        self.notCarried = notCarried
        self.warnings = warnings
    }
}
