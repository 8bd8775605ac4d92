import ExportCore

internal import CLibXML

/// The SAX events: which elements a selector picks, and what their field holds.
extension XMLIdentityChecker {
    /// An element opened. `attributes` is libxml2's SAX2 array: five pointers per attribute (local name, prefix,
    /// namespace, value start, value end).
    func start(
        _ parser: xmlParserCtxtPtr, local: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?, count: Int,
        attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        depth += 1
        if depth == 1 {
            if let local, interned.first.flatMap({ $0 }) != local, Self.equal(local, plan.scope.local) { comparesText = true }
            isInScope = nameID(local, uri) == 0
        }
        guard isInScope, depth >= 2 else { return }
        let id = nameID(local, uri)
        while stack.count <= depth { stack.append(-1) }
        stack[depth] = id
        guard id >= 0 else { return }
        var selected: UInt64 = 0  // a node is selected once per constraint, whichever alternative picks it
        for candidate in candidates[id] where selected & (1 << candidate.constraint) == 0 {
            guard matches(candidate.steps, isDescendant: candidate.isDescendant) else { continue }
            selected |= 1 << candidate.constraint
            let constraint = plan.constraints[candidate.constraint]
            switch constraint.field {
            case .text:
                let (line, column) = Self.elementStart(parser)
                captures.append((candidate.constraint, depth, id, line, column, []))
            case .attribute(let name):
                let isPresent = Self.withAttribute(name, count: count, attributes: attributes) {
                    record(candidate.constraint, name: id, value: $0, parser: parser, at: nil)
                }
                if !isPresent && constraint.kind == .key {
                    reportMissingField(candidate.constraint, name: id, parser: parser)
                }
            }
        }
    }

    /// Whether the open elements end in `steps`, directly below the scope or anywhere under it.
    private func matches(_ steps: [Int], isDescendant: Bool) -> Bool {
        let below = depth - 1
        guard isDescendant ? below >= steps.count : below == steps.count else { return false }
        var level = depth
        for step in steps.reversed() {  // a reversed view of the array: no copy
            if stack[level] != step { return false }
            level -= 1
        }
        return true
    }

    /// Text of an element (or CDATA): kept only while an element whose text is a field is open.
    func characters(_ text: UnsafePointer<xmlChar>?, count: Int) {
        guard let text, !captures.isEmpty else { return }
        for index in captures.indices where captures[index].depth == depth {
            captures[index].text.append(contentsOf: UnsafeBufferPointer(start: text, count: count))
        }
    }

    /// An element closed.
    func end(_ parser: xmlParserCtxtPtr) {
        while let capture = captures.last, capture.depth == depth {
            captures.removeLast()
            capture.text.withUnsafeBufferPointer {
                record(capture.constraint, name: capture.name, value: $0, parser: parser, at: (capture.line, capture.column))
            }
        }
        if depth == 1 && isInScope { hasClosedScope = true }
        depth -= 1
    }

    /// Calls `body` with the attribute's value as the schema validator sees it (libxml2 hands SAX2 a literal `&`
    /// as `&#38;` and its schema plug turns it back; so do we); `false` when the element has no such attribute.
    private static func withAttribute(
        _ name: XMLIdentityConstraint.Name, count: Int, attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
        _ body: (UnsafeBufferPointer<UInt8>) -> Void
    ) -> Bool {
        guard let attributes else { return false }
        for index in 0..<count {
            let base = index * 5
            guard let local = attributes[base], equal(local, name.local) else { continue }
            let uri = attributes[base + 2]
            guard name.namespace.isEmpty ? uri == nil : uri.map({ equal($0, name.namespace) }) == true else { continue }
            guard let start = attributes[base + 3], let end = attributes[base + 4] else {
                body(UnsafeBufferPointer(start: nil, count: 0))
                return true
            }
            let raw = UnsafeBufferPointer(start: start, count: end - start)
            guard raw.contains(UInt8(ascii: "&")) else {
                body(raw)
                return true
            }
            var value: [UInt8] = []
            var offset = 0
            let escaped = Array("&#38;".utf8)
            while offset < raw.count {
                if raw[offset...].starts(with: escaped) {
                    value.append(UInt8(ascii: "&"))
                    offset += escaped.count
                } else {
                    value.append(raw[offset])
                    offset += 1
                }
            }
            value.withUnsafeBufferPointer(body)
            return true
        }
        return false
    }
}

extension XMLIdentityChecker {
    /// Sets the checker's callbacks in a handler that the schema's SAX plug will wrap: the plug calls them
    /// with the parser's user data (the parser itself), before validating each event.
    static func install(in handler: inout xmlSAXHandler) {
        handler.startElementNs = { context, local, _, uri, _, _, count, _, attributes in
            guard let (parser, checker) = XMLIdentityChecker.lookup(context) else { return }
            checker.start(parser, local: local, uri: uri, count: Int(count), attributes: attributes)
        }
        handler.endElementNs = { context, _, _, _ in
            guard let (parser, checker) = XMLIdentityChecker.lookup(context) else { return }
            checker.end(parser)
        }
        handler.characters = { context, text, count in XMLIdentityChecker.lookup(context)?.1.characters(text, count: Int(count)) }
        handler.cdataBlock = { context, text, count in XMLIdentityChecker.lookup(context)?.1.characters(text, count: Int(count)) }
    }

    fileprivate static func lookup(_ context: UnsafeMutableRawPointer?) -> (xmlParserCtxtPtr, XMLIdentityChecker)? {
        guard let context else { return nil }
        let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let opaque = parser.pointee._private, let checker = XMLDiagnosticCollector.from(opaque).identityChecker else {
            return nil
        }
        return (parser, checker)
    }
}
