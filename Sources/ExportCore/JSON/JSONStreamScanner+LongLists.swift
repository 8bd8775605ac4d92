extension JSONStreamScanner {
    /// The property whose list is handed out element by element: a report's `object_refs` may name every
    /// object of a bundle, and read whole it would be the largest thing in memory (~250 bytes an element).
    static let streamedProperty = "object_refs"
    private static let streamedKey = Array(streamedProperty.utf8)

    /// Reads one element of `objects`. Its `object_refs` list, when it has one, goes element by element to
    /// `visit` (all but the first, which the object keeps); the rest of the object is read as usual.
    ///
    /// The result is what reading the object whole would give: the same members and positions, or the same
    /// first syntax error. Around the list the object is read in two parts: the members before it, closed
    /// with `[]}`, and the members after it, behind the keys already read (with placeholder values) so that a
    /// duplicate key is still found where it is, and with the start column moved back by their width.
    mutating func object(_ visit: Visitor) throws -> Result<LocatedJSON, SyntaxError> {
        if let object = try readInPlace() { return .success(object) }
        guard streamsLists, try source.peek() == UInt8(ascii: "{") else { return try readValue(inList: true) }
        let start = (line: line, column: column)
        var head: [UInt8] = []
        var extent = ValueExtent(line: line, column: column, watching: Self.streamedKey)
        try walk(&extent, keeping: &head)
        guard extent.paused else { return parse((head, start.line, start.column)) }
        head.append(contentsOf: "[]}".utf8)
        var members: [LocatedJSON.Member]
        switch parse((head, start.line, start.column)) {
        case .success(let json): members = json.members ?? []
        case .failure(let failure):
            try skipRest(depth: 1)
            return .failure(failure)
        }
        switch try streamList(visit) {
        case .success(let first):
            if let first, var list = members.popLast() {
                list.value.kind = .array([first])
                members.append(list)
            }
        case .failure(let failure): return .failure(failure)
        }
        var tail: [UInt8] = [UInt8(ascii: "{")]
        for member in members {
            CanonicalJSON.writeString(member.key, into: &tail)
            tail.append(contentsOf: ":0,".utf8)
        }
        tail.removeLast()
        let width = tail.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
        let tailStart = (line: line, column: column - width)
        var tailExtent = ValueExtent(line: line, column: column, depth: 1)
        try walk(&tailExtent, keeping: &tail)
        switch parse((tail, tailStart.line, tailStart.column)) {
        case .success(let json):
            members += (json.members ?? []).dropFirst(members.count)
            return .success(LocatedJSON(kind: .object(members), line: start.line, column: start.column))
        case .failure(let failure): return .failure(failure)
        }
    }

    /// Reads the object that starts here straight from the source's buffer, in one pass: nearly every object lies
    /// whole in the megabyte buffered, and copying each out first to find its end walked every byte twice (a
    /// seventh of `validate`). `nil`, with nothing consumed, when it does not read cleanly there (the buffer ends
    /// inside it, a syntax error, or the streamed list), for the careful path below, which places any error.
    private mutating func readInPlace() throws -> LocatedJSON? {
        var read: LocatedJSONReader.Prefix?
        let stopKey = streamsLists ? Self.streamedProperty : nil
        _ = try source.consume { [line, column, limits] chunk in
            read = LocatedJSONReader.readObjectPrefix(
                chunk, maxDepth: limits.maxDepth, maxStringBytes: limits.maxScalarBytes, startLine: line,
                startColumn: column, stopKey: stopKey)
            return read?.count ?? 0
        }
        guard let read else { return nil }
        (line, column) = (read.line, read.column)
        return read.value
    }

    /// Reads the list that starts here: returns its first element and hands the others to `visit`.
    /// On a syntax error the rest of the object is skipped.
    private mutating func streamList(_ visit: Visitor) throws -> Result<LocatedJSON?, SyntaxError> {
        try advance()
        try skipWhitespace()
        if try source.peek() == UInt8(ascii: "]") {
            try advance()
            return .success(nil)
        }
        var first: LocatedJSON?
        var bytes: [UInt8] = []
        while true {
            try skipWhitespace()
            // One buffer serves every element: a list of a million ids is a million small values.
            switch try readValue(into: &bytes, depth: 2, inList: true) {
            case .success(let value):
                if first == nil {
                    first = value
                } else {
                    try visit(.listElement(property: Self.streamedProperty, value), source.offset)
                }
            case .failure(let failure):
                try skipRest(depth: 2)
                return .failure(failure)
            }
            try skipWhitespace()
            switch try source.peek() {
            case UInt8(ascii: ","): try advance()
            case UInt8(ascii: "]"):
                try advance()
                return .success(first)
            default:
                let failure = error("expected ',' or ']' in a list")
                try skipRest(depth: 2)
                return .failure(failure)
            }
        }
    }

    /// Moves past the end of the object without keeping its bytes, `depth` lists and objects deep in it.
    private mutating func skipRest(depth: Int) throws {
        var extent = ValueExtent(line: line, column: column, depth: depth)
        var none: [UInt8] = []
        try walk(&extent, keeping: &none, keep: false)
    }
}
