/// A problem found in one field's text: where in the text it starts (in Unicode scalars from the start, so a
/// reader can turn it into a column), what is wrong and how to fix it.
public struct SyntaxProblem: Sendable, Hashable, Error {
    /// How many Unicode scalars of the text come before the problem.
    public var offset: Int
    /// What is wrong.
    public var message: String
    /// How to fix it.
    public var hint: String?

    /// Creates a problem.
    public init(at offset: Int, _ message: String, hint: String? = nil) {
        self.offset = offset
        self.message = message
        self.hint = hint
    }
}
