/// What the authoring reader collects while it walks a document: diagnostics, and where each field sits.
///
/// Field paths use the authoring keys (`incidents[2].attributed_to[0]`), so checks that run on the model
/// afterwards (``ReportChecks``) can point back at the exact line and column.
final class AuthoringContext {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var locations: [String: SourceLocation] = [:]

    init(file: String) { self.file = file }

    func location(of node: YAMLNode) -> SourceLocation {
        SourceLocation(file: file, line: node.line, column: node.column)
    }

    func record(_ path: String, _ node: YAMLNode) { locations[path] = location(of: node) }

    func error(_ message: String, at node: YAMLNode, hint: String? = nil) {
        diagnostics.append(Diagnostic(.error, message, at: location(of: node), hint: hint))
    }

    func warning(_ message: String, at node: YAMLNode, hint: String? = nil) {
        diagnostics.append(Diagnostic(.warning, message, at: location(of: node), hint: hint))
    }

    func append(_ more: [Diagnostic]) { diagnostics.append(contentsOf: more) }

    /// The location recorded for `path`, or for its nearest recorded ancestor.
    func location(forPath path: String) -> SourceLocation? {
        var current = Substring(path)
        while !current.isEmpty {
            if let found = locations[String(current)] { return found }
            guard let cut = current.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            current = current[..<cut]
        }
        return locations[""]
    }

    /// The text of a scalar that YAML 1.2's core schema reads as a string; anything else is a type error.
    func text(_ node: YAMLNode, key: String) -> String? {
        guard case .scalar(let text, let isPlain) = node.content else {
            error("'\(key)' must be text, not \(node.kindDescription)", at: node)
            return nil
        }
        if isPlain, PlainScalar.classify(text) != .string {
            error("'\(key)' must be text, not \(node.kindDescription)", at: node, hint: "quote it: \"\(text)\"")
            return nil
        }
        return text
    }
}
