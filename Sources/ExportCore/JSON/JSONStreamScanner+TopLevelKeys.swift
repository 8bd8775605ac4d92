extension JSONStreamScanner {
    /// Walks the members of the top-level object for format recognition: each key is handed to `visit` with its
    /// value read when the key is in `wanted`, and every other value is skipped over unread (brackets and strings
    /// balanced, nothing kept), so a gigabyte of `objects` or `actors` before the deciding key costs one walk.
    /// - Parameter visit: returns `false` to stop the walk.
    /// - Throws: ``SyntaxError`` when the structure breaks first; `.io` errors from reading.
    mutating func topLevelMembers(reading wanted: Set<String>, _ visit: (String, LocatedJSON?) -> Bool) throws {
        if try source.peek() == 0xEF {
            for _ in 0..<3 { try advance() }
        }
        try skipWhitespace()
        guard try source.peek() == UInt8(ascii: "{") else { throw error("a JSON object") }
        try advance()
        try skipWhitespace()
        if try source.peek() == UInt8(ascii: "}") { return }
        var skipped: [UInt8] = []
        while true {
            try skipWhitespace()
            guard try source.peek() == UInt8(ascii: "\"") else { throw error("expected a quoted key") }
            guard let key = try parse(try capture()).get().string else { throw error("expected a quoted key") }
            try skipWhitespace()
            guard try source.peek() == UInt8(ascii: ":") else { throw error("expected ':' after the key") }
            try advance()
            try skipWhitespace()
            var value: LocatedJSON?
            if wanted.contains(key) {
                value = try readValue().get()
            } else {
                var extent = ValueExtent(line: line, column: column)
                try walk(&extent, keeping: &skipped, keep: false)
                guard extent.done else { throw error("unterminated value") }
            }
            guard visit(key, value) else { return }
            try skipWhitespace()
            switch try source.peek() {
            case UInt8(ascii: ","): try advance()
            case UInt8(ascii: "}"): return
            default: throw error("expected ',' or '}' in an object")
            }
        }
    }
}
