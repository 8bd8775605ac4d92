import ExportCore
import ExportXML

/// Where each object, link and member of a report XML document starts, keyed by its path in authoring keys
/// (`partnerships[1].members[2]`), so that ``ReportChecks`` findings point at the XML line.
struct ReportXMLLines {
    private var lines: [String: Int] = [:]
    private let file: String
    private let rootLine: Int

    private static let lists = [
        ("sources", "sources"), ("actors", "actors"), ("intrusionSets", "intrusion_sets"), ("campaigns", "campaigns"),
        ("partnerships", "partnerships"), ("incidents", "incidents"), ("indicators", "indicators"),
        ("observables", "observables"), ("malware", "malware"), ("tools", "tools"),
    ]
    private static let links = [
        "sponsoredBy": "sponsored_by", "attributedTo": "attributed_to", "target": "targets", "responder": "responders",
        "supporter": "supporters", "member": "members", "sourceRef": "sources", "marking": "marking",
        "indicates": "indicates", "basedOn": "based_on", "usedBy": "used_by", "involvedIn": "involved_in",
    ]

    init(_ root: XMLElement, file: String) {
        self.file = file
        rootLine = root.line
        if let marking = root.child("defaultMarking") { record(marking, "default_marking") }
        if let marking = root.child("marking") { record(marking, "marking") }
        for (element, key) in Self.lists {
            for (index, object) in (root.child(element)?.children ?? []).enumerated() {
                let path = "\(key)[\(index)]"
                lines[path] = object.line
                var counts: [String: Int] = [:]
                for child in object.children {
                    guard let name = Self.links[child.name] else { continue }
                    if name == "marking" {
                        record(child, "\(path).marking")
                        continue
                    }
                    let position = counts[name, default: 0]
                    counts[name] = position + 1
                    lines["\(path).\(name)[\(position)]"] = child.line
                    if let marking = child.child("marking") { record(marking, "\(path).\(name)[\(position)].marking") }
                }
            }
        }
    }

    private mutating func record(_ marking: XMLElement, _ path: String) {
        lines[path] = marking.line
        for (index, releasee) in marking.children.enumerated() { lines["\(path).releasable_to[\(index)]"] = releasee.line }
    }

    /// The line of the nearest recorded element on the path: `actors[2].last_seen` falls back to `actors[2]`.
    func location(forPath path: String) -> SourceLocation {
        var current = Substring(path)
        while !current.isEmpty {
            if let line = lines[String(current)] { return SourceLocation(file: file, line: line, column: 1) }
            if current.hasSuffix("]"), let open = current.lastIndex(of: "[") {
                current = current[..<open]
            } else if let dot = current.lastIndex(of: ".") {
                current = current[..<dot]
            } else {
                break
            }
        }
        return SourceLocation(file: file, line: rootLine, column: 1)
    }
}
