/// A document to validate: a path to open, an input opened once, or bytes already in memory.
public enum ValidationInput: Sendable {
    /// A file, opened once (see ``InputHandle/open(_:name:limits:)``) and streamed.
    case file(String)
    /// Bytes in memory, with the name diagnostics use.
    case bytes([UInt8], name: String)
    /// An input already opened, read from its start however many passes a validator makes.
    case handle(InputHandle)

    /// The name diagnostics use.
    public var name: String {
        switch self {
        case .file(let path): path == "-" ? InputFile.standardInputName : path
        case .bytes(_, let name): name
        case .handle(let input): input.name
        }
    }

    /// The input opened once: a path is opened here, an opened input is itself, bytes become a memory input.
    /// - Throws: ``ExportError`` `.io` when a path cannot be opened or is a device or socket.
    package func opened() throws -> InputHandle {
        switch self {
        case .file(let path): try InputHandle.open(path)
        case .bytes(let bytes, let name): InputHandle(bytes: bytes, name: name)
        case .handle(let input): input
        }
    }

}
