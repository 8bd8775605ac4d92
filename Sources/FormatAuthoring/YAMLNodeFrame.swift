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
    // The keys so far, to catch a repeated one. A mapping's dozen keys are compared as words (hashing each
    // into a set per mapping was 5 % of an export); past `wordLimit` a set takes over, so that a hostile
    // mapping with a million keys still costs linear time.
    private var keyWords: [KeyWord] = []
    private var keySet: Set<String>?
    private static let wordLimit = 32

    init(isMapping: Bool, line: Int, column: Int) {
        self.isMapping = isMapping
        self.line = line
        self.column = column
    }

    /// Notes `name` as a key of this mapping; false when it already is one.
    mutating func noteKey(_ name: String) -> Bool {
        if let inserted = keySet?.insert(name).inserted { return inserted }
        let word = KeyWord(name)
        if word.isASCII && keyWords.count < Self.wordLimit {
            guard !keyWords.contains(word) else { return false }
            if keyWords.isEmpty { keyWords.reserveCapacity(16) }
            keyWords.append(word)
            return true
        }
        // Many keys, or a non-ASCII one (compared as `String`s compare them, see ``KeyWord/isASCII``): a set
        // from here on.
        var set = Set(keyWords.map(\.text))
        keyWords = []
        defer { keySet = set }
        return set.insert(name).inserted
    }

    /// The finished node.
    var node: YAMLNode {
        YAMLNode(content: isMapping ? .mapping(pairs) : .sequence(items), line: line, column: column)
    }
}
