/// Walks a bundle's outer structure byte by byte and hands out each member and each element of `objects`
/// as its own small document, so a bundle of any size is checked one object at a time.
///
/// One object can be large too: a report's `object_refs` may list every other object of the bundle. Such a
/// list is handed out element by element (``Item/listElement(property:_:)``) unless `streamsLists` is off.
package struct JSONStreamScanner {
    package typealias SyntaxError = LocatedJSONReader.SyntaxError

    var source: FileByteSource
    let limits: InputLimits
    let streamsLists: Bool
    var line = 1
    var column = 1

    package init(source: FileByteSource, limits: InputLimits, streamsLists: Bool = true) {
        self.source = source
        self.limits = limits
        self.streamsLists = streamsLists
    }

    /// What the scan found at the top level.
    package enum Item {
        /// A member of the top-level object other than `objects`, with where its key starts.
        case member(LocatedJSON.Member)
        /// An element, after the first, of a streamed list of the object that comes next. That object keeps
        /// only the list's first element, so rules that look at the whole list still see whether it is empty.
        /// When the object turns out broken, its elements seen so far are to be forgotten.
        case listElement(property: String, LocatedJSON)
        /// One element of `objects`, or a syntax error inside it.
        case object(Result<LocatedJSON, SyntaxError>)
    }

    /// What is called with each item, and how many bytes of the input were read when it was found.
    package typealias Visitor = (Item, _ offset: Int) throws -> Void

    /// Scans the whole input, calling `visit` for each item in input order.
    package mutating func scan(_ visit: (Item) throws -> Void) throws -> (line: Int, column: Int) {
        try scan { item, _ in try visit(item) }
    }

    /// Scans the whole input, calling `visit` for each item in input order, with the bytes read so far.
    /// - Returns: where the top-level object starts.
    /// - Throws: ``SyntaxError`` when the outer structure is broken; `.io` errors from reading.
    package mutating func scan(_ visit: Visitor) throws -> (line: Int, column: Int) {
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
        guard try source.peek() == nil else { throw error(LocatedJSONReader.trailingContent) }
        return start
    }

    private mutating func members(_ visit: Visitor) throws {
        var keys: Set<String> = []
        while true {
            try skipWhitespace()
            let (key, keyLine, keyColumn) = try memberKey(notIn: &keys)
            try skipWhitespace()
            if key == "objects", try source.peek() == UInt8(ascii: "[") {
                try elements(visit)
            } else {
                switch try readValue() {
                case .success(let value):
                    try visit(.member(.init(key: key, line: keyLine, column: keyColumn, value: value)), source.offset)
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

    /// Reads a member's key and the `:` after it, and returns the key with where it starts; a key already in
    /// `keys` is a syntax error at the key.
    mutating func memberKey(notIn keys: inout Set<String>) throws -> (key: String, line: Int, column: Int) {
        guard try source.peek() == UInt8(ascii: "\"") else { throw error("expected a quoted key") }
        let keyJSON = try parse(try capture()).get()
        guard let key = keyJSON.string else { throw error("expected ':' after the key") }
        guard keys.insert(key).inserted else {
            throw SyntaxError(message: "duplicate key '\(key)'", line: keyJSON.line, column: keyJSON.column)
        }
        try skipWhitespace()
        guard try source.peek() == UInt8(ascii: ":") else { throw error("expected ':' after the key") }
        try advance()
        return (key, keyJSON.line, keyJSON.column)
    }

    private mutating func elements(_ visit: Visitor) throws {
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
            let object = try object(visit)
            try visit(.object(object), source.offset)
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
    mutating func capture() throws -> (bytes: [UInt8], line: Int, column: Int) {
        let start = (line, column)
        var bytes: [UInt8] = []
        var extent = ValueExtent(line: line, column: column)
        try walk(&extent, keeping: &bytes)
        return (bytes, start.0, start.1)
    }

    /// Moves over the input as far as `extent` goes (to the value's end, or to its pause), appending the
    /// bytes walked to `bytes` unless `keep` is off.
    mutating func walk(_ extent: inout ValueExtent, keeping bytes: inout [UInt8], keep: Bool = true) throws {
        while !extent.done, !extent.paused {
            let more = try source.consume { chunk in
                let used = extent.advance(over: chunk)
                if keep { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[..<used])) }
                return used
            }
            if !more { break }
        }
        (line, column) = (extent.line, extent.column)
    }

    /// Captures and reads the value that starts here. Nothing captured (a `,` or a bracket where a value
    /// should be): that byte is read alone, for the reader's own message.
    mutating func readValue(depth: Int = 0, inList: Bool = false) throws -> Result<LocatedJSON, SyntaxError> {
        var bytes: [UInt8] = []
        return try readValue(into: &bytes, depth: depth, inList: inList)
    }

    /// ``readValue(depth:inList:)`` capturing into `bytes` (emptied first), so a long run of small values
    /// reuses one buffer.
    mutating func readValue(into bytes: inout [UInt8], depth: Int, inList: Bool) throws -> Result<LocatedJSON, SyntaxError> {
        bytes.removeAll(keepingCapacity: true)
        let start = (line: line, column: column)
        var extent = ValueExtent(line: line, column: column)
        try walk(&extent, keeping: &bytes)
        if bytes.isEmpty, let byte = try source.peek() { bytes = [byte] }
        return parse((bytes, start.line, start.column), depth: depth, inList: inList)
    }

    /// Reads captured bytes (`depth`: how deeply they are nested in the file; `inList`: whether they are a
    /// list's element rather than a member's value).
    func parse(_ captured: (bytes: [UInt8], line: Int, column: Int), depth: Int = 0, inList: Bool = false)
        -> Result<LocatedJSON, SyntaxError>
    {
        do {
            return .success(
                try LocatedJSONReader.read(
                    captured.bytes, maxDepth: limits.maxDepth, maxStringBytes: limits.maxScalarBytes,
                    startLine: captured.line, startColumn: captured.column, startDepth: depth,
                    skipsByteOrderMark: false))
        } catch where error.message == LocatedJSONReader.trailingContent {
            // A scalar runs on into a byte that ends no value ("truex"): reading the file whole, the reader
            // would be looking for what separates values there.
            var error = error
            error.message = inList ? "expected ',' or ']' in a list" : "expected ',' or '}' in an object"
            return .failure(error)
        } catch {
            return .failure(error)
        }
    }

    mutating func advance() throws {
        guard let byte = try source.peek() else { return }
        source.skip()
        if byte == 0x0A {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    /// Skips whitespace a buffer at a time (pretty-printed bundles indent every line of a long list).
    mutating func skipWhitespace() throws {
        var (line, column, stopped) = (line, column, false)
        defer { (self.line, self.column) = (line, column) }
        while !stopped {
            let more = try source.consume { chunk in
                for index in chunk.indices {
                    switch chunk[index] {
                    case 0x0A:
                        line += 1
                        column = 1
                    case 0x20, 0x09, 0x0D: column += 1
                    default:
                        stopped = true
                        return index
                    }
                }
                return chunk.count
            }
            if !more { return }
        }
    }

    func error(_ message: String) -> SyntaxError { SyntaxError(message: message, line: line, column: column) }
}
