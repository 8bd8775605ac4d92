import CYaml
package import ExportCore

/// Builds ``YAMLNode`` trees from libyaml's events, without Yams' resolver or composer.
///
/// Doing this ourselves gives what the authoring format needs and Yams does not: every scalar as written,
/// duplicate keys reported at the second key while reading goes on, anchors and aliases refused before any
/// alias is expanded (no billion-laughs blow-up), a nesting limit, and exact line and column for each node.
/// It is iterative, so hostile nesting cannot overflow the stack.
package struct YAMLComposer {
    let file: String
    let limits: InputLimits
    package private(set) var diagnostics: [Diagnostic] = []
    private var inputLength = 0
    /// Where the input ends, for errors libyaml places past it (on a line that does not exist).
    private var end = (line: 1, column: 1)

    package init(file: String, limits: InputLimits) {
        self.file = file
        self.limits = limits
    }

    /// Parses UTF-8 bytes (already checked by ``InputText``) into the document's root node.
    package mutating func compose(_ bytes: [UInt8]) -> YAMLNode? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            diagnostics.append(Diagnostic(.error, "cannot start the YAML parser (out of memory)"))
            return nil
        }
        defer { yaml_parser_delete(&parser) }
        inputLength = bytes.count
        let tail = bytes.lastIndex(of: 0x0A).map { bytes[($0 + 1)...] } ?? bytes[...]
        end = (bytes.count { $0 == 0x0A } + 1, String(decoding: tail, as: UTF8.self).unicodeScalars.count + 1)
        return bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            return run(&parser)
        }
    }

    private mutating func run(_ parser: inout yaml_parser_t) -> YAMLNode? {
        var stack: [YAMLNodeFrame] = []
        var root: YAMLNode?
        var documents = 0
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                reportParserError(parser)
                return nil
            }
            defer { yaml_event_delete(&event) }
            let line = Int(event.start_mark.line) + 1
            let column = Int(event.start_mark.column) + 1
            var finished: YAMLNode?
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return root
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents == 2 {
                    error("a second document starts here; a report is one document", line, column,
                          hint: "remove the '---' separator or split the file")
                    return root
                }
            case YAML_ALIAS_EVENT:
                // Refused outright, and reading stops: a bomb of aliases must cost one line, not thousands.
                error("YAML aliases are not allowed in report documents", line, column,
                      hint: "write the value out in full")
                return nil
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                guard checkAnchor(scalar.anchor, line, column) else { return nil }
                let isPlain = scalar.style == YAML_PLAIN_SCALAR_STYLE && !isStringTag(scalar.tag)
                checkTag(scalar.tag, line, column)
                guard scalar.length <= limits.maxScalarBytes else {
                    error("a value of \(scalar.length) bytes is longer than the limit of \(limits.maxScalarBytes)",
                          line, column, hint: "shorten it")
                    return nil
                }
                let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                finished = YAMLNode(content: .scalar(text, isPlain: isPlain), line: line, column: column)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                guard checkAnchor(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor, line, column)
                else { return nil }
                checkTag(isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag, line, column)
                guard stack.count < limits.maxDepth else {
                    error("nesting is deeper than the limit of \(limits.maxDepth) levels", line, column,
                          hint: "a report needs only a few levels; check the structure")
                    return nil
                }
                stack.append(YAMLNodeFrame(isMapping: isMapping, line: line, column: column))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                finished = stack.popLast()?.node
            default:
                break
            }
            if let node = finished {
                if stack.isEmpty { root = node } else { attach(node, to: &stack[stack.count - 1]) }
            }
        }
    }

    private mutating func attach(_ node: YAMLNode, to frame: inout YAMLNodeFrame) {
        guard frame.isMapping else {
            frame.items.append(node)
            return
        }
        guard let key = frame.pendingKey else {
            frame.pendingKey = node
            return
        }
        frame.pendingKey = nil
        let name = key.scalar ?? "<\(key.kindDescription)>"
        if frame.noteKey(name) {
            frame.pairs.append((key, node))
        } else {
            error("duplicate key '\(name)'", key.line, key.column,
                  hint: "a key may appear once in a mapping; the first '\(name)' is kept")
        }
    }

    private func isStringTag(_ tag: UnsafeMutablePointer<yaml_char_t>?) -> Bool {
        guard let tag else { return false }
        return String(cString: tag) == "tag:yaml.org,2002:str"
    }

    private mutating func checkTag(_ tag: UnsafeMutablePointer<yaml_char_t>?, _ line: Int, _ column: Int) {
        guard let tag else { return }
        let name = String(cString: tag)
        if name != "tag:yaml.org,2002:str" && name != "!" {
            error("YAML tag '\(name)' is not supported", line, column, hint: "remove the tag; quote the value if it must be text")
        }
    }

    /// False (after reporting) when the node has an anchor: anchors are refused and reading stops.
    private mutating func checkAnchor(_ anchor: UnsafeMutablePointer<yaml_char_t>?, _ line: Int, _ column: Int) -> Bool {
        guard let anchor else { return true }
        error("YAML anchor '&\(String(cString: anchor))' is not allowed in report documents", line, column,
              hint: "write each value out in full; anchors and aliases are refused")
        return false
    }

    private mutating func reportParserError(_ parser: yaml_parser_t) {
        let mark = parser.problem_mark
        let problem = parser.problem.map { String(cString: $0) } ?? "malformed document"
        var message = problem
        if let context = parser.context.map({ String(cString: $0) }) {
            message = "\(problem) (\(context) at \(parser.context_mark.line + 1):\(parser.context_mark.column + 1))"
        }
        if problem.hasPrefix("Maximum nesting level") {
            // libyaml's scanner has its own bound (1000) and can meet it before our composer sees the events.
            error("nesting is deeper than the limit of \(limits.maxDepth) levels", Int(mark.line) + 1, Int(mark.column) + 1,
                  hint: "a report needs only a few levels; check the structure")
            return
        }
        let isTruncated = Int(mark.index) >= inputLength - 1
        let line = isTruncated ? end.line : Int(mark.line) + 1
        let column = isTruncated ? end.column : Int(mark.column) + 1
        error("syntax error: \(message)", line, column,
              hint: isTruncated ? "the file may be truncated" : "check the YAML or JSON syntax here")
    }

    private mutating func error(_ message: String, _ line: Int, _ column: Int, hint: String? = nil) {
        diagnostics.append(
            Diagnostic(.error, message, at: SourceLocation(file: file, line: line, column: column), hint: hint))
    }
}
