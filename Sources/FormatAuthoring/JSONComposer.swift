package import ExportCore

/// Builds ``YAMLNode`` trees straight from authoring documents that are plain JSON, without libyaml.
///
/// libyaml reads JSON correctly but slowly (most of an export's time went into its scanner), and a large
/// authoring document is nearly always machine-written JSON. This reader accepts only what it can promise
/// libyaml would read the same way: strict RFC 8259 JSON whose whitespace is spaces and line feeds, without
/// duplicate keys, lone surrogate escapes or `\/`, within the depth and string limits, and with each key on the
/// line of its colon and near it (libyaml drops a "simple key" that is further away). For anything else it
/// returns `nil` and the caller reads the document with ``YAMLComposer``, so every diagnostic, line and
/// column stays exactly as libyaml gives it; the fast path never reports anything itself.
///
/// Nodes carry the same marks libyaml gives: a mapping or list starts at its bracket, a string at its
/// opening quote, and columns count Unicode scalars. It is iterative, so nesting cannot overflow the stack.
package struct JSONComposer {
    let bytes: UnsafeBufferPointer<UInt8>
    let limits: InputLimits
    var index = 0
    private var line = 1
    private var lineStart = 0
    /// UTF-8 continuation bytes seen on the current line, so columns count scalars, not bytes.
    var continuationBytes = 0

    /// The document's root node, or `nil` when the document is not plain JSON this reader vouches for.
    package static func compose(_ bytes: [UInt8], limits: InputLimits) -> YAMLNode? {
        bytes.withUnsafeBufferPointer { buffer in
            var composer = JSONComposer(bytes: buffer, limits: limits)
            return composer.document()
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, limits: InputLimits) {
        self.bytes = bytes
        self.limits = limits
    }

    private var column: Int { index - lineStart - continuationBytes + 1 }

    private mutating func document() -> YAMLNode? {
        guard skipWhitespace(), index < bytes.count, bytes[index] == UInt8(ascii: "{") || bytes[index] == UInt8(ascii: "[")
        else { return nil }
        var stack: [YAMLNodeFrame] = []
        while true {
            guard let node = value(&stack) else { return nil }
            // Close every collection that ends here, attaching each to its parent.
            var finished = node
            while true {
                if stack.isEmpty {
                    guard skipWhitespace(), index == bytes.count else { return nil }
                    return finished
                }
                guard attach(finished, to: &stack[stack.count - 1]) else { return nil }
                guard skipWhitespace(), index < bytes.count else { return nil }
                let byte = bytes[index]
                index += 1
                if byte == UInt8(ascii: ",") {
                    guard skipWhitespace() else { return nil }
                    if stack[stack.count - 1].isMapping { guard key(&stack) else { return nil } }
                    break
                }
                guard byte == (stack[stack.count - 1].isMapping ? UInt8(ascii: "}") : UInt8(ascii: "]")),
                      let frame = stack.popLast()
                else { return nil }
                finished = frame.node
            }
        }
    }

    /// Reads one value; a collection that opens here is pushed and its first element read, so the
    /// node returned is always complete (a scalar or an empty collection).
    private mutating func value(_ stack: inout [YAMLNodeFrame]) -> YAMLNode? {
        while true {
            guard index < bytes.count else { return nil }
            let (line, column) = (line, column)
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard stack.count < limits.maxDepth else { return nil }
                let isMapping = byte == UInt8(ascii: "{")
                index += 1
                guard skipWhitespace(), index < bytes.count else { return nil }
                if bytes[index] == (isMapping ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    index += 1
                    return YAMLNode(content: isMapping ? .mapping([]) : .sequence([]), line: line, column: column)
                }
                stack.append(YAMLNodeFrame(isMapping: isMapping, line: line, column: column))
                if isMapping { guard key(&stack) else { return nil } }
            case UInt8(ascii: "\""):
                guard let text = string() else { return nil }
                return YAMLNode(content: .scalar(text, isPlain: false), line: line, column: column)
            default:
                guard let text = plain() else { return nil }
                return YAMLNode(content: .scalar(text, isPlain: true), line: line, column: column)
            }
        }
    }

    /// Reads a key and its colon into the innermost mapping, leaving the index at the value.
    private mutating func key(_ stack: inout [YAMLNodeFrame]) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return false }
        let (start, keyLine, keyColumn) = (index, line, column)
        guard let name = string(), stack[stack.count - 1].noteKey(name) else { return false }
        guard skipWhitespace(), index < bytes.count, bytes[index] == UInt8(ascii: ":"),
              line == keyLine, index - start <= 1000
        else { return false }
        index += 1
        guard skipWhitespace() else { return false }
        stack[stack.count - 1].pendingKey = YAMLNode(content: .scalar(name, isPlain: false), line: keyLine, column: keyColumn)
        return true
    }

    private func attach(_ node: YAMLNode, to frame: inout YAMLNodeFrame) -> Bool {
        guard frame.isMapping else {
            frame.items.append(node)
            return true
        }
        guard let key = frame.pendingKey else { return false }
        frame.pendingKey = nil
        frame.pairs.append((key, node))
        return true
    }

    /// Skips spaces and line feeds; false at a tab or carriage return, which libyaml treats its own way.
    private mutating func skipWhitespace() -> Bool {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20: index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
                continuationBytes = 0
            case 0x09, 0x0D: return false
            default: return true
            }
        }
        return true
    }
}
