import ExportCore

/// A mapping or sequence being built by a composer (``YAMLComposer``, ``JSONComposer``).
///
/// Children are kept here, outside the node, so that appending never copies (an enum payload taken out and
/// put back would copy the whole array on every append).
struct YAMLNodeFrame {
    let isMapping: Bool
    let line: Int
    let column: Int
    var items: [YAMLNode] = []
    var pairs: [(key: YAMLNode, value: YAMLNode)] = []
    var pendingKey: YAMLNode?
    var seenKeys: Set<String> = []

    init(isMapping: Bool, line: Int, column: Int) {
        self.isMapping = isMapping
        self.line = line
        self.column = column
    }

    /// The finished node.
    var node: YAMLNode {
        YAMLNode(content: isMapping ? .mapping(pairs) : .sequence(items), line: line, column: column)
    }
}
