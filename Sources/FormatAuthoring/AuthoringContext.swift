import ExportCore

/// What the authoring reader collects while it walks a document: diagnostics, and the document's tree.
///
/// Field paths use the authoring keys (`incidents[2].attributed_to[0]`), so checks that run on the model
/// afterwards (``ReportChecks``) can point back at the exact line and column: ``location(forPath:)`` finds
/// the node by walking the tree then, for the few paths that have a finding, instead of recording every
/// field's location up front (a million-object document has millions of fields).
final class AuthoringContext {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    /// The document's root mapping, once the decoder has it.
    var root: YAMLNode?

    init(file: String) { self.file = file }

    func location(of node: YAMLNode) -> SourceLocation {
        SourceLocation(file: file, line: node.line, column: node.column)
    }

    func error(_ message: String, at node: YAMLNode, hint: String? = nil) {
        diagnostics.append(Diagnostic(.error, message, at: location(of: node), hint: hint))
    }

    func warning(_ message: String, at node: YAMLNode, hint: String? = nil) {
        diagnostics.append(Diagnostic(.warning, message, at: location(of: node), hint: hint))
    }

    func append(_ more: [Diagnostic]) { diagnostics.append(contentsOf: more) }

    /// Where `path` sits, or its nearest ancestor that is in the document.
    func location(forPath path: String) -> SourceLocation? {
        guard let root else { return nil }
        return location(of: AuthoringPath(path).node(in: root))
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
