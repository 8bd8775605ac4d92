import ExportCore

/// A field path of an authoring document (`incidents[2].attributed_to[0].marking`), resolved against the
/// document's tree when a model check reports something there.
///
/// It finds the node the decoder read the field from: the value of a key (the last one, when YAML repeats a
/// key), the element of a list, and for a link or a membership written as a mapping its `ref` or `member`
/// value, since that is what a finding about the reference means. A path that leaves the document (a
/// key that is absent, an index past the end, a list where a mapping is) stops at the deepest node on the way.
///
/// ```swift
/// let node = AuthoringPath("actors[0].sponsored_by[1]").node(in: root)
/// ```
package struct AuthoringPath {
    package enum Step: Equatable {
        case key(String)
        case index(Int)
    }

    package let steps: [Step]

    /// The lists whose mapping elements stand for the value of one of their keys.
    static let referenceKeys: [String: String] = [
        "sponsored_by": "ref", "attributed_to": "ref", "targets": "ref", "responders": "ref", "supporters": "ref",
        "members": "member",
    ]

    /// Parses `key`, `.key` and `[index]` steps; text that fits neither ends the path there.
    package init(_ path: String) {
        var steps: [Step] = []
        var rest = Substring(path)
        while let first = rest.first {
            if first == "[" {
                guard let close = rest.firstIndex(of: "]"), let index = Int(rest[rest.index(after: rest.startIndex)..<close])
                else { break }
                steps.append(.index(index))
                rest = rest[rest.index(after: close)...]
            } else {
                if first == "." { rest = rest.dropFirst() }
                let end = rest.firstIndex(where: { $0 == "." || $0 == "[" }) ?? rest.endIndex
                steps.append(.key(String(rest[..<end])))
                rest = rest[end...]
            }
        }
        self.steps = steps
    }

    /// The node at the path, or at its deepest prefix that exists in `root`.
    package func node(in root: YAMLNode) -> YAMLNode {
        var node = root
        var found = root
        var listKey: String?
        for step in steps {
            switch (step, node.content) {
            case (.key(let name), .mapping(let pairs)):
                guard let value = pairs.last(where: { $0.key.scalar == name })?.value else { return found }
                node = value
                found = value
                listKey = name
            case (.index(let index), .sequence(let items)):
                guard items.indices.contains(index) else { return found }
                node = items[index]
                found = Self.reference(in: node, listedUnder: listKey) ?? node
                listKey = nil
            default:
                return found
            }
        }
        return found
    }

    /// The `ref` (or `member`) value of a link (or membership) written as a mapping, when it is there.
    private static func reference(in element: YAMLNode, listedUnder key: String?) -> YAMLNode? {
        guard let key, let name = referenceKeys[key], case .mapping(let pairs) = element.content,
            let value = pairs.last(where: { $0.key.scalar == name })?.value, !value.isNull
        else { return nil }
        return value
    }
}
