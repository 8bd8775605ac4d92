extension STIXBundleScanner {
    /// Finds where one JSON value ends, fed a buffer at a time, and keeps the line and column (in scalars)
    /// of the next byte. It only balances brackets and strings; the reader checks the value's syntax.
    struct ValueExtent {
        private(set) var line: Int
        private(set) var column: Int
        /// Whether the value is complete: a closed top-level string, object or list, or a scalar followed by
        /// `,`, `}`, `]` or whitespace (which is not part of it).
        private(set) var done = false
        private var depth = 0
        private var inString = false
        private var escaped = false

        init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }

        /// Walks `chunk` until the value ends or the chunk does.
        /// - Returns: how many bytes of `chunk` belong to the value.
        mutating func advance(over chunk: UnsafeBufferPointer<UInt8>) -> Int {
            // The state lives in locals while walking (registers, not memory), and is stored back once.
            var (line, column, depth, inString, escaped, done) = (line, column, depth, inString, escaped, done)
            defer { (self.line, self.column, self.depth, self.inString, self.escaped, self.done) = (line, column, depth, inString, escaped, done) }
            var index = 0
            while index < chunk.count, !done {
                let byte = chunk[index]
                if inString {
                    if escaped {
                        escaped = false
                    } else if byte == UInt8(ascii: "\\") {
                        escaped = true
                    } else if byte == UInt8(ascii: "\"") {
                        inString = false
                        done = depth == 0
                    }
                } else {
                    switch byte {
                    case UInt8(ascii: "\""): inString = true
                    case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        // A bracket closing what the value did not open ends a scalar, unread.
                        guard depth > 0 else {
                            done = true
                            return index
                        }
                        depth -= 1
                        done = depth == 0
                    case UInt8(ascii: ","), 0x20, 0x09, 0x0A, 0x0D:
                        guard depth > 0 else {
                            done = true
                            return index
                        }
                    default: break
                    }
                }
                if byte == 0x0A {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
                index += 1
            }
            return index
        }
    }
}
