/// Walks a bundle's outer structure byte by byte and hands out each member and each element of `objects`
/// as its own small document, so a bundle of any size is checked one object at a time.
struct STIXBundleScanner {
    typealias SyntaxError = LocatedJSONReader.SyntaxError

    private var source: FileByteSource
    private let limits: InputLimits
    private var line = 1
    private var column = 1

    init(source: FileByteSource, limits: InputLimits) {
        self.source = source
        self.limits = limits
    }

    /// What the scan found at the top level.
    enum Item {
        /// A member of the top-level object other than `objects`, with where its key starts.
        case member(LocatedJSON.Member)
        /// One element of `objects`, or a syntax error inside it.
        case object(Result<LocatedJSON, SyntaxError>)
    }

    /// Scans the whole input, calling `visit` for each item in input order.
    /// - Returns: where the top-level object starts.
    /// - Throws: ``SyntaxError`` when the outer structure is broken; `.io` errors from reading.
    mutating func scan(_ visit: (Item) throws -> Void) throws -> (line: Int, column: Int) {
        if try source.peek() == 0xEF {
            for _ in 0..<3 { try advance() }
            column = 1
        }
        try skipWhitespace()
        let start = (line, column)
        guard try source.peek() == UInt8(ascii: "{") else { throw error("a STIX document is a JSON object") }
        try advance()
        try skipWhitespace()
        if try source.peek() == UInt8(ascii: "}") {
            try advance()
        } else {
            try members(visit)
        }
        try skipWhitespace()
        guard try source.peek() == nil else { throw error("unexpected content after the document") }
        return start
    }

    private mutating func members(_ visit: (Item) throws -> Void) throws {
        while true {
            try skipWhitespace()
            guard try source.peek() == UInt8(ascii: "\"") else { throw error("expected a quoted key") }
            let keyValue = try parse(try capture())
            guard case .success(let keyJSON) = keyValue, let key = keyJSON.string else { throw error("invalid key") }
            try skipWhitespace()
            guard try source.peek() == UInt8(ascii: ":") else { throw error("expected ':' after the key") }
            try advance()
            try skipWhitespace()
            if key == "objects", try source.peek() == UInt8(ascii: "[") {
                try elements(visit)
            } else {
                switch try parse(try capture()) {
                case .success(let value):
                    try visit(.member(.init(key: key, line: keyJSON.line, column: keyJSON.column, value: value)))
                case .failure(let failure): throw failure
                }
            }
            try skipWhitespace()
            switch try source.peek() {
            case UInt8(ascii: ","): try advance()
            case UInt8(ascii: "}"):
                try advance()
                return
            default: throw error("expected ',' or '}' in an object")
            }
        }
    }

    private mutating func elements(_ visit: (Item) throws -> Void) throws {
        try advance()
        try skipWhitespace()
        if try source.peek() == UInt8(ascii: "]") {
            try advance()
            return
        }
        var count = 0
        while true {
            try skipWhitespace()
            count += 1
            guard count <= limits.maxObjects else { throw error("more than \(limits.maxObjects) objects") }
            try visit(.object(try parse(try capture())))
            try skipWhitespace()
            switch try source.peek() {
            case UInt8(ascii: ","): try advance()
            case UInt8(ascii: "]"):
                try advance()
                return
            default: throw error("expected ',' or ']' in a list")
            }
        }
    }

    /// Copies one JSON value's bytes (strings, nesting and escapes respected), with where it starts.
    /// The value's end is found a buffer at a time; bytes are copied in runs, not one by one.
    private mutating func capture() throws -> (bytes: [UInt8], line: Int, column: Int) {
        let start = (line, column)
        var bytes: [UInt8] = []
        var extent = ValueExtent(line: line, column: column)
        while !extent.done {
            let more = try source.consume { chunk in
                let used = extent.advance(over: chunk)
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[..<used]))
                return used
            }
            if !more { break }
        }
        (line, column) = (extent.line, extent.column)
        return (bytes, start.0, start.1)
    }

    private func parse(_ captured: (bytes: [UInt8], line: Int, column: Int)) throws -> Result<LocatedJSON, SyntaxError> {
        do {
            return .success(
                try LocatedJSONReader.read(
                    captured.bytes, maxDepth: limits.maxDepth, maxStringBytes: limits.maxScalarBytes,
                    startLine: captured.line, startColumn: captured.column))
        } catch {
            return .failure(error)
        }
    }

    private mutating func advance() throws {
        guard let byte = try source.peek() else { return }
        source.skip()
        if byte == 0x0A {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    private mutating func skipWhitespace() throws {
        while let byte = try source.peek(), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
            try advance()
        }
    }

    private func error(_ message: String) -> SyntaxError { SyntaxError(message: message, line: line, column: column) }
}
