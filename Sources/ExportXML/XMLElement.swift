import ExportCore

internal import CLibXML

/// An element of an ``XMLDocument``: a borrowed pointer, valid only while its document is alive.
package struct XMLElement {
    let node: xmlNodePtr

    /// The local name, without prefix.
    package var name: String { String(cString: node.pointee.name) }

    /// The namespace URI, or `nil` for none.
    package var namespace: String? { node.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) } }

    /// The 1-based line the element starts on.
    package var line: Int { Int(xmlGetLineNo(node)) }

    /// The child elements, in document order.
    package var children: [XMLElement] {
        var result: [XMLElement] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(XMLElement(node: current)) }
            child = current.pointee.next
        }
        return result
    }

    /// The child elements with this local name.
    package func children(named name: String) -> [XMLElement] { children.filter { $0.name == name } }

    /// The first child element with this local name.
    package func child(_ name: String) -> XMLElement? { children.first { $0.name == name } }

    /// The value of an attribute without namespace, or `nil` when absent.
    package func attribute(_ name: String) -> String? {
        guard let value = xmlGetNoNsProp(node, name) else { return nil }
        defer { clibxml_free(value) }
        return String(cString: value)
    }

    /// The element's text: all text and CDATA inside it, concatenated.
    package var text: String {
        guard let value = xmlNodeGetContent(node) else { return "" }
        defer { clibxml_free(value) }
        return String(cString: value)
    }

    /// The text of the first child with this name, or `nil` when there is none.
    package func childText(_ name: String) -> String? { child(name)?.text }
}
