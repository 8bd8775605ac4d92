/// The one error type the Export library throws.
///
/// `==` compares the ``Code`` only, so callers and tests can match on it while the reason says the rest.
///
/// ```swift
/// do { try sink.write(bytes) } catch let error as ExportError where error.code == .io { ... }
/// ```
public struct ExportError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is; it decides the exit code.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// The input is invalid; diagnostics say where (exit 1).
        public static let invalidInput = Code("invalidInput")
        /// The command was used wrongly (exit 2).
        public static let usage = Code("usage")
        /// A file could not be read or written (exit 3).
        public static let io = Code("io")
        /// Something exportctl should never reach; a bug to report.
        public static let `internal` = Code("internal")

        public var description: String { name }
    }

    /// What kind of failure this is.
    public var code: Code
    /// What went wrong, for a person.
    public var reason: String
    /// Findings that led to the error, already located in the input.
    public var diagnostics: [Diagnostic]

    /// Creates an error.
    public init(_ code: Code, _ reason: String, diagnostics: [Diagnostic] = []) {
        self.code = code
        self.reason = reason
        self.diagnostics = diagnostics
    }

    public var description: String { reason }
}

extension ExportError: Equatable {
    public static func == (lhs: ExportError, rhs: ExportError) -> Bool { lhs.code == rhs.code }
}
