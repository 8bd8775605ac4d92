extension JSONStreamScanner {
    /// What ``walkTree(descending:_:)`` meets, with the path of keys to it (`"[]"` for a list's element).
    package enum TreeEvent {
        /// An object or list the walk goes into, member by member: where it starts, and whether it is a list.
        case open(path: [String], line: Int, column: Int, isList: Bool)
        /// A value read whole (a scalar, or an object or list not descended into).
        case value(path: [String], LocatedJSON)
        /// The end of an object or list opened before.
        case close(path: [String])
    }

    /// Walks a JSON document of any shape, going into the objects and lists at the paths `descends` names and
    /// reading every other value whole, so that only one such value is in memory at a time: a MISP event's
    /// `Attribute` list is handed out one attribute at a time.
    /// - Throws: ``SyntaxError`` at the first syntax error (a duplicate key in a walked object included);
    ///   `.io` errors from reading.
    package mutating func walkTree(descending descends: ([String]) -> Bool, _ visit: (TreeEvent) throws -> Void) throws {
        if try source.peek() == 0xEF {
            for _ in 0..<3 { try advance() }
            column = 1
        }
        var path: [String] = []
        try walkValue(path: &path, depth: 0, inList: false, descends: descends, visit)
        try skipWhitespace()
        guard try source.peek() == nil else { throw error(LocatedJSONReader.trailingContent) }
    }

    private mutating func walkValue(
        path: inout [String], depth: Int, inList: Bool, descends: ([String]) -> Bool, _ visit: (TreeEvent) throws -> Void
    ) throws {
        try skipWhitespace()
        let byte = try source.peek()
        guard byte == UInt8(ascii: "{") || byte == UInt8(ascii: "["), descends(path) else {
            try visit(.value(path: path, try readValue(depth: depth, inList: inList).get()))
            return
        }
        guard depth < limits.maxDepth else { throw error("nesting deeper than \(limits.maxDepth)") }
        let isList = byte == UInt8(ascii: "[")
        let closing = isList ? UInt8(ascii: "]") : UInt8(ascii: "}")
        try visit(.open(path: path, line: line, column: column, isList: isList))
        try advance()
        try skipWhitespace()
        if try source.peek() == closing {
            try advance()
        } else {
            var keys: Set<String> = []
            while true {
                try skipWhitespace()
                if isList {
                    path.append("[]")
                } else {
                    path.append(try memberKey(notIn: &keys).key)
                }
                try walkValue(path: &path, depth: depth + 1, inList: isList, descends: descends, visit)
                path.removeLast()
                try skipWhitespace()
                switch try source.peek() {
                case UInt8(ascii: ","): try advance()
                case closing:
                    try advance()
                    try visit(.close(path: path))
                    return
                default: throw error(isList ? "expected ',' or ']' in a list" : "expected ',' or '}' in an object")
                }
            }
        }
        try visit(.close(path: path))
    }
}
