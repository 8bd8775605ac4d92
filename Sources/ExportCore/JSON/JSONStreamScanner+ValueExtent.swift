extension JSONStreamScanner {
    /// Finds where one JSON value ends, fed a buffer at a time, and keeps the line and column (in scalars)
    /// of the next byte. It only balances brackets and strings; the reader checks the value's syntax.
    ///
    /// Watching a key, it also stops early (``paused``) at the `[` that opens that key's list in the
    /// object it walks, so the scanner can read a long list element by element instead of whole.
    package struct ValueExtent {
        package private(set) var line: Int
        package private(set) var column: Int
        /// Whether the value is complete: a closed top-level string, object or list, or a scalar followed by
        /// `,`, `}`, `]`, whitespace, or the start of another value (which is not part of it).
        package private(set) var done = false
        /// Whether the walk stopped at the `[` of the watched key's list (not consumed).
        package private(set) var paused = false
        private var depth: Int
        private var inString = false
        private var escaped = false
        /// Whether a byte of the value was walked (a scalar ends where another value would start).
        private var started = false
        /// The watched key's bytes (it has no escapes); empty when nothing is watched.
        private let watched: [UInt8]
        private var watch = Watch.idle
        /// Whether the value walked is an object (only then are its depth-1 strings keys).
        private var isObject = false

        /// Where a walk stands with the watched key, among the members of the top-level object.
        private enum Watch: Equatable {
            case idle, expectingKey
            case inKey(matched: Int)
            case afterKey, afterColon
        }

        /// - Parameters:
        ///   - depth: how many lists and objects are open where the walk starts (it ends when they close).
        ///   - key: pause at the list that is this key's value, when the value is an object.
        package init(line: Int, column: Int, depth: Int = 0, watching key: [UInt8] = []) {
            self.line = line
            self.column = column
            self.depth = depth
            watched = key
        }

        /// Walks `chunk` until the value ends (or pauses) or the chunk does.
        /// - Returns: how many bytes of `chunk` belong to the value.
        package mutating func advance(over chunk: UnsafeBufferPointer<UInt8>) -> Int {
            // The state lives in locals while walking (registers, not memory), and is stored back once.
            var (line, column, depth, inString, escaped, done) = (line, column, depth, inString, escaped, done)
            var (watch, started) = (watch, started)
            let watching = !watched.isEmpty
            defer {
                (self.line, self.column, self.depth, self.inString, self.escaped, self.done) = (line, column, depth, inString, escaped, done)
                (self.watch, self.started) = (watch, started)
            }
            var index = 0
            while index < chunk.count, !done {
                // Most bytes are inside strings or indentation: run over those that neither end the string,
                // escape, nor start a line (nor are other control bytes, left to the walk below), or over the
                // spaces, with nothing else to do but count columns.
                if inString, !escaped, watch == .idle {
                    let run = ByteRuns.plainString(in: chunk, from: index)
                    (index, column) = (run.end, column + run.scalars)
                    if index == chunk.count { break }
                } else if !inString, depth > 0, chunk[index] == 0x20 {
                    let end = ByteRuns.spaces(in: chunk, from: index)
                    (index, column) = (end, column + end - index)
                    if index == chunk.count { break }
                }
                let byte = chunk[index]
                if inString {
                    if escaped {
                        escaped = false
                    } else if byte == UInt8(ascii: "\\") {
                        escaped = true
                        if watching { watch = .idle }
                    } else if byte == UInt8(ascii: "\"") {
                        inString = false
                        done = depth == 0
                        if watching, case .inKey(let matched) = watch { watch = matched == watched.count ? .afterKey : .idle }
                    } else if watching, case .inKey(let matched) = watch {
                        watch = matched < watched.count && watched[matched] == byte ? .inKey(matched: matched + 1) : .idle
                    }
                } else {
                    switch byte {
                    case UInt8(ascii: "\""):
                        if depth == 0, started {
                            done = true
                            return index
                        }
                        inString = true
                        if watching { watch = depth == 1 && watch == .expectingKey ? .inKey(matched: 0) : .idle }
                    case UInt8(ascii: "{"), UInt8(ascii: "["):
                        if depth == 0, started {
                            done = true
                            return index
                        }
                        if watching {
                            if depth == 1, watch == .afterColon, byte == UInt8(ascii: "[") {
                                paused = true
                                return index
                            }
                            if depth == 0, byte == UInt8(ascii: "{") { isObject = true }
                            watch = depth == 0 && isObject ? .expectingKey : .idle
                        }
                        depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        // A bracket closing what the value did not open ends a scalar, unread.
                        guard depth > 0 else {
                            done = true
                            return index
                        }
                        depth -= 1
                        done = depth == 0
                        if watching { watch = .idle }
                    case UInt8(ascii: ","), 0x20, 0x09, 0x0A, 0x0D:
                        guard depth > 0 else {
                            done = true
                            return index
                        }
                        if watching, depth == 1, isObject, byte == UInt8(ascii: ",") { watch = .expectingKey }
                    case UInt8(ascii: ":"):
                        if watching { watch = depth == 1 && watch == .afterKey ? .afterColon : .idle }
                    default:
                        if watching { watch = .idle }
                    }
                }
                if byte == 0x0A {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
                index += 1
                started = true
            }
            return index
        }
    }
}
