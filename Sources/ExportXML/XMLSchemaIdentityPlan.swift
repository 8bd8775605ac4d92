import ExportCore

internal import CLibXML

/// A schema split for streaming: a copy without its identity constraints, compiled for libxml2, and the
/// constraints themselves, which ``XMLIdentityChecker`` checks during the same SAX pass in compact memory.
///
/// libxml2 keeps every key and keyref value of a constraint scoped to the root until the root closes (about
/// 900 bytes per object for report XML); the checker keeps a 64-bit hash per key and only the references not
/// yet resolved. Derived only for the forms ``XMLIdentityConstraint`` supports, declared on a global element
/// that can only be the document's root (no `ref` to it, no substitution group, no wildcard in the schema);
/// otherwise ``make(text:name:)`` returns `nil` and the whole schema goes to libxml2.
///
/// ```swift
/// if let plan = XMLSchemaIdentityPlan.make(text: xsd, name: "report.xsd") { ... plan.schema, plan.constraints }
/// ```
package struct XMLSchemaIdentityPlan: Sendable {
    /// The schema without `xs:key`, `xs:keyref` and `xs:unique`.
    let schema: XMLSchema
    /// The root element the constraints are scoped to.
    let scope: XMLIdentityConstraint.Name
    /// The constraints, keys and uniques before keyrefs.
    package let constraints: [XMLIdentityConstraint]

    private static let xsd = "http://www.w3.org/2001/XMLSchema"

    /// Splits the schema text, or `nil` when it declares no identity constraint or one this plan cannot take.
    static func make(text: String, name: String) -> XMLSchemaIdentityPlan? {
        LibXML.initialize()
        // A parse of its own with its own error channel: the schema's compilation reports what is wrong with it,
        // so findings here are dropped, and nothing reaches libxml2's process-wide channel (standard error).
        guard let context = xmlNewParserCtxt() else { return nil }
        defer { xmlFreeParserCtxt(context) }
        let collector = XMLDiagnosticCollector(file: name)
        let parsed = withExtendedLifetime(collector) {
            context.pointee._private = collector.opaque
            context.pointee.sax.pointee.serror = collectParserError
            return Array(text.utf8).withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) {
                    xmlCtxtReadMemory(context, $0.baseAddress, Int32($0.count), name, nil, LibXML.untrustedOptions)
                }
            }
        }
        guard let document = parsed else { return nil }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document), isXSD(root, "schema") else { return nil }
        let targetNamespace = attribute(root, "targetNamespace") ?? ""
        var found: [(node: xmlNodePtr, constraint: XMLIdentityConstraint, scope: XMLIdentityConstraint.Name)] = []
        var isSupported = true
        walk(root) { node in
            if isXSD(node, "any") || attribute(node, "substitutionGroup") != nil || (isXSD(node, "element") && attribute(node, "ref") != nil) {
                isSupported = false  // a global element could then occur below the root
            }
            guard isXSD(node, "key") || isXSD(node, "keyref") || isXSD(node, "unique") else { return }
            guard let parent = node.pointee.parent, isXSD(parent, "element"), let grand = parent.pointee.parent, grand == root,
                let scopeName = attribute(parent, "name"),
                let constraint = constraint(node, targetNamespace: targetNamespace)
            else {
                isSupported = false
                return
            }
            found.append((node, constraint, XMLIdentityConstraint.Name(namespace: targetNamespace, local: scopeName)))
        }
        // At most 64 constraints: the checker marks the ones that selected a node in one machine word.
        guard isSupported, found.count <= 64, let scope = found.first?.scope, found.allSatisfy({ $0.scope == scope }) else {
            return nil
        }
        let keys = Set(found.filter { $0.constraint.kind != .keyref }.map(\.constraint.name))
        guard found.allSatisfy({ $0.constraint.refer.map(keys.contains) ?? true }) else { return nil }
        for item in found {
            xmlUnlinkNode(item.node)
            xmlFreeNode(item.node)
        }
        var output: UnsafeMutablePointer<xmlChar>?
        var length: Int32 = 0
        xmlDocDumpMemory(document, &output, &length)
        guard let output else { return nil }
        defer { clibxml_free(output) }
        let derived = String(decoding: UnsafeBufferPointer(start: output, count: Int(length)), as: UTF8.self)
        guard let schema = try? XMLSchema(text: derived, name: name) else { return nil }
        let ordered = found.map(\.constraint).filter { $0.kind != .keyref } + found.map(\.constraint).filter { $0.kind == .keyref }
        return XMLSchemaIdentityPlan(schema: schema, scope: scope, constraints: ordered)
    }

    /// Reads one constraint declaration; `nil` when it uses a form not supported.
    private static func constraint(_ node: xmlNodePtr, targetNamespace: String) -> XMLIdentityConstraint? {
        guard let kind = XMLIdentityConstraint.Kind(rawValue: String(cString: node.pointee.name)),
            let localName = attribute(node, "name")
        else { return nil }
        let resolve: (String) -> String? = { prefix in
            let ns =
                prefix.isEmpty
                ? xmlSearchNs(node.pointee.doc, node, nil)
                : withXMLString(prefix) { xmlSearchNs(node.pointee.doc, node, $0) }
            return ns.flatMap { $0.pointee.href }.map { String(cString: $0) }
        }
        var selectors: [String] = []
        var fields: [String] = []
        var child = node.pointee.children
        while let current = child {
            if isXSD(current, "selector") { selectors.append(attribute(current, "xpath") ?? "") }
            if isXSD(current, "field") { fields.append(attribute(current, "xpath") ?? "") }
            child = current.pointee.next
        }
        guard selectors.count == 1, fields.count == 1,
            let paths = XMLIdentityConstraint.parseSelector(selectors[0], namespace: resolve),
            let field = XMLIdentityConstraint.parseField(fields[0], namespace: resolve)
        else { return nil }
        var refer: XMLIdentityConstraint.Name?
        if kind == .keyref {
            guard let qname = attribute(node, "refer") else { return nil }
            let parts = qname.split(separator: ":").map(String.init)
            switch parts.count {
            case 1: refer = .init(namespace: resolve("") ?? "", local: parts[0])  // QNames in attributes do take the default namespace
            case 2: refer = resolve(parts[0]).map { .init(namespace: $0, local: parts[1]) }
            default: return nil
            }
            guard refer != nil else { return nil }
        }
        return XMLIdentityConstraint(
            kind: kind, name: .init(namespace: targetNamespace, local: localName), refer: refer, paths: paths, field: field)
    }

    private static func isXSD(_ node: xmlNodePtr, _ local: String) -> Bool {
        guard node.pointee.type == XML_ELEMENT_NODE, let ns = node.pointee.ns, let href = ns.pointee.href else { return false }
        return String(cString: node.pointee.name) == local && String(cString: href) == xsd
    }

    private static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        guard node.pointee.type == XML_ELEMENT_NODE, let value = withXMLString(name, { xmlGetNoNsProp(node, $0) }) else {
            return nil
        }
        defer { clibxml_free(value) }
        return String(cString: value)
    }

    private static func withXMLString<T>(_ text: String, _ body: (UnsafePointer<xmlChar>) -> T) -> T {
        text.withCString { $0.withMemoryRebound(to: xmlChar.self, capacity: text.utf8.count + 1, body) }
    }

    /// Visits every element below `node` in document order.
    private static func walk(_ node: xmlNodePtr, _ visit: (xmlNodePtr) -> Void) {
        var child = node.pointee.children
        while let current = child {
            child = current.pointee.next  // read first: the visitor does not unlink, but stay safe
            if current.pointee.type == XML_ELEMENT_NODE {
                visit(current)
                walk(current, visit)
            }
        }
    }
}
