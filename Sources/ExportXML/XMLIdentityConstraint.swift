import ExportCore

/// One `xs:key`, `xs:unique` or `xs:keyref` of a schema, in the simple forms streaming validation checks itself.
///
/// Supported: a selector that is a union of child paths (`a/b`) or descendant paths (`.//a`, `.//a/b`) of
/// qualified or unqualified names, and one field that is an attribute (`@id`) or the element's own text (`.`).
/// Anything else makes ``XMLSchemaIdentityPlan`` decline, and the schema is validated whole by libxml2.
package struct XMLIdentityConstraint: Sendable, Hashable {
    package enum Kind: String, Sendable, Hashable {
        case key, unique, keyref
    }

    /// A name in a path: namespace URI (empty for none) and local name.
    struct Name: Sendable, Hashable {
        var namespace: String
        var local: String
    }

    /// One alternative of the selector: steps from the scoping element, either its children (`isDescendant`
    /// false) or anywhere below it.
    struct Path: Sendable, Hashable {
        var isDescendant: Bool
        var steps: [Name]
    }

    /// What the field reads from a selected element.
    enum Field: Sendable, Hashable {
        case attribute(Name)
        case text
    }

    package var kind: Kind
    /// The constraint's QName, as libxml2 prints it (`{namespace}name`).
    var name: Name
    /// For a keyref, the key or unique it refers to.
    var refer: Name?
    var paths: [Path]
    var field: Field

    /// `{namespace}name`, libxml2's way of printing a QName.
    static func format(_ name: Name) -> String {
        name.namespace.isEmpty ? name.local : "{\(name.namespace)}\(name.local)"
    }

    /// Parses a selector, resolving prefixes with `namespace`; `nil` for a form not supported.
    static func parseSelector(_ xpath: String, namespace: (String) -> String?) -> [Path]? {
        var paths: [Path] = []
        for alternative in xpath.split(separator: "|", omittingEmptySubsequences: false) {
            var text = trimmed(alternative)
            var isDescendant = false
            if text.hasPrefix(".//") {
                isDescendant = true
                text.removeFirst(3)
            } else if text.hasPrefix("./") {
                text.removeFirst(2)
            }
            var steps: [Name] = []
            for step in text.split(separator: "/", omittingEmptySubsequences: false) {
                guard let name = parseName(String(step), namespace: namespace) else { return nil }
                steps.append(name)
            }
            guard !steps.isEmpty else { return nil }
            paths.append(Path(isDescendant: isDescendant, steps: steps))
        }
        return paths.isEmpty ? nil : paths
    }

    /// Parses a field: `@name` or `.`; `nil` for a form not supported.
    static func parseField(_ xpath: String, namespace: (String) -> String?) -> Field? {
        let text = trimmed(xpath)
        if text == "." { return .text }
        guard text.hasPrefix("@") else { return nil }
        return parseName(String(text.dropFirst()), namespace: namespace).map(Field.attribute)
    }

    /// A QName of an XPath step; unprefixed names have no namespace (XSD 1.0 ignores the default namespace).
    private static func parseName(_ text: String, namespace: (String) -> String?) -> Name? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.allSatisfy(isNCName) else { return nil }
        switch parts.count {
        case 1: return Name(namespace: "", local: parts[0])
        case 2: return namespace(parts[0]).map { Name(namespace: $0, local: parts[1]) }
        default: return nil
        }
    }

    private static func isNCName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first != "-", first != ".", !("0"..."9").contains(first) else {
            return false
        }
        return text.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" || $0 == "." || $0.value > 0x7F
        }
    }

    /// The text without XML white space around it.
    private static func trimmed(_ text: some StringProtocol) -> String {
        let isSpace: (Character) -> Bool = { " \t\r\n\r\n".contains($0) }
        var view = Substring(text)
        while let first = view.first, isSpace(first) { view = view.dropFirst() }
        while let last = view.last, isSpace(last) { view = view.dropLast() }
        return String(view)
    }
}
