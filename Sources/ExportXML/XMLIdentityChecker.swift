import ExportCore

internal import CLibXML

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Checks a schema's identity constraints (``XMLSchemaIdentityPlan``) during a SAX pass, in compact memory: a
/// 64-bit hash per key value, and only the references not resolved when they are read (forward references),
/// which are resolved once the scoping root element has closed.
///
/// Findings read like libxml2's (`Element '{ns}name': Duplicate key-sequence ['x'] in key identity-constraint
/// '{ns}objectID'.`, `... No match found for key-sequence ['x'] of keyref '{ns}linkTarget'.`) and point at
/// the element at fault, so a streamed file and a tree-validated one report the same line.
final class XMLIdentityChecker {
    let plan: XMLSchemaIdentityPlan
    let collector: XMLDiagnosticCollector
    let names: [XMLIdentityConstraint.Name]
    /// Per name: each constraint whose selector path ends in it, with the path's step name ids.
    let candidates: [[(constraint: Int, isDescendant: Bool, steps: [Int])]]
    /// Per constraint: the table it fills (keys, uniques) or reads (keyrefs).
    let tableOf: [Int]
    var tables: [XMLIdentityHashSet]
    /// The parser's interned local names, for pointer comparison (`nil` until the parse starts).
    var interned: [UnsafePointer<xmlChar>?] = []
    var namespaces: [[CChar]]
    /// The name id of the element open at each depth (-1 for names no selector uses).
    var stack: [Int] = [-1]
    var depth = 0
    var isInScope = false
    var hasClosedScope = false
    /// Set when the parser did not hand out interned names (never seen with libxml2 2.9): compare text.
    var comparesText = false
    /// Elements whose text is a field value, being read.
    var captures: [(constraint: Int, depth: Int, name: Int, line: Int, column: Int, text: [UInt8])] = []
    var pending: [Pending] = []
    var pendingBytes: [UInt8] = []

    struct Pending {
        var hash: UInt64
        var line: UInt32
        var column: UInt32
        var offset: Int
        var length: Int32
        var name: Int16
        var constraint: Int16
    }

    init(plan: XMLSchemaIdentityPlan, collector: XMLDiagnosticCollector) {
        self.plan = plan
        self.collector = collector
        var names = [plan.scope]
        func id(_ name: XMLIdentityConstraint.Name) -> Int {
            if let index = names.firstIndex(of: name) { return index }
            names.append(name)
            return names.count - 1
        }
        var byLast: [Int: [(constraint: Int, isDescendant: Bool, steps: [Int])]] = [:]
        for (index, constraint) in plan.constraints.enumerated() {
            for path in constraint.paths {
                let steps = path.steps.map(id)
                byLast[steps[steps.count - 1], default: []].append((index, path.isDescendant, steps))
            }
        }
        self.names = names
        self.candidates = names.indices.map { byLast[$0] ?? [] }
        self.namespaces = names.map { Array($0.namespace.utf8CString) }
        let tableNames = plan.constraints.filter { $0.kind != .keyref }.map(\.name)
        self.tableOf = plan.constraints.map { constraint in
            tableNames.firstIndex(of: constraint.refer ?? constraint.name) ?? 0
        }
        self.tables = tableNames.map { _ in XMLIdentityHashSet() }
    }

    /// Looks the names up in the parser's dictionary, where libxml2 interns every local name it reads.
    func attach(to parser: xmlParserCtxtPtr) {
        interned = names.map { name in
            name.local.withCString { text in
                text.withMemoryRebound(to: xmlChar.self, capacity: name.local.utf8.count + 1) {
                    xmlDictLookup(parser.pointee.dict, $0, -1)
                }
            }
        }
    }

    /// The id of an element's name, or -1.
    func nameID(_ local: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?) -> Int {
        guard let local else { return -1 }
        for index in interned.indices where interned[index] == local || (comparesText && Self.equal(local, names[index].local)) {
            let namespace = namespaces[index]
            let isSame =
                uri.map { uri in uri.withMemoryRebound(to: CChar.self, capacity: 1) { strcmp($0, namespace) } == 0 }
                ?? (namespace.count == 1)
            if isSame { return index }
        }
        return -1
    }

    static func equal(_ text: UnsafePointer<xmlChar>, _ name: String) -> Bool {
        text.withMemoryRebound(to: CChar.self, capacity: 1) { strcmp($0, name) } == 0
    }
}
