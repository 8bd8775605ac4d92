/// A document to validate: a file streamed from disk, or bytes already read (standard input).
public enum ValidationInput: Sendable {
    /// A file, read as the validator streams it.
    case file(String)
    /// Bytes in memory, with the name diagnostics use.
    case bytes([UInt8], name: String)

    /// The name diagnostics use.
    public var name: String {
        switch self {
        case .file(let path): path
        case .bytes(_, let name): name
        }
    }

    /// Validates the document against an XSD, streaming it when it is large.
    func validate(against schema: XMLSchema) throws -> [Diagnostic] {
        switch self {
        case .file(let path): try XMLValidation.validate(path: path, against: schema)
        case .bytes(let bytes, let name): XMLValidation.validate(bytes, file: name, against: schema)
        }
    }
}
