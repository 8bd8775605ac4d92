package import ExportCore

/// Reads a STIX 2.0 document as STIX 2.1 (`--upgrade`), following the spec's changes from 2.0, and lists every
/// kind of change made as a note located at the first object it touched.
///
/// The changes: `spec_version: "2.1"` on every object that has none or says 2.0 (cyber observables excepted, which
/// 2.0 only nests inside observed-data); `labels` becomes the 2.1 vocabulary property where STIX 2.1 moved the
/// 2.0 label vocabulary (indicator → `indicator_types`, malware → `malware_types`, report → `report_types`,
/// threat-actor → `threat_actor_types`, tool → `tool_types`; identity and intrusion-set keep `labels`, as 2.1 has
/// no such property for them); indicators get `pattern_type: "stix"` (2.0 patterns are STIX patterns) and malware
/// `is_family: true` (both required in 2.1); the bundle loses its `spec_version` (a 2.1 bundle has none).
/// `created_by_ref`, markings and everything else stay as they are. The upgraded objects are then checked as
/// any 2.1 object.
///
/// ```swift
/// let (upgraded, notes) = STIX20Upgrade.upgrade(document, file: "old.json")
/// ```
package enum STIX20Upgrade {
    /// The 2.0 types whose `labels` held the vocabulary that STIX 2.1 moved to its own property.
    static let labelProperties: [String: String] = [
        "indicator": "indicator_types", "malware": "malware_types", "report": "report_types",
        "threat-actor": "threat_actor_types", "tool": "tool_types",
    ]

    /// One kind of change, counted, with the first place it was made.
    private struct Change {
        var severity = Diagnostic.Severity.note
        var count = 0
        var first: LocatedJSON?
    }

    /// The document read as STIX 2.1, and one note per kind of change made.
    package static func upgrade(_ document: LocatedJSON, file: String) -> (document: LocatedJSON, notes: [Diagnostic]) {
        var changes: [String: Change] = [:]
        func record(_ change: String, at object: LocatedJSON, severity: Diagnostic.Severity) {
            changes[change, default: Change(severity: severity)].count += 1
            if changes[change]?.first == nil { changes[change]?.first = object }
        }
        var upgraded = document
        if document["type"]?.string == "bundle", case .object(var members) = document.kind {
            if let index = members.firstIndex(where: { $0.key == "spec_version" }) {
                record("removed the bundle's 'spec_version' (a STIX 2.1 bundle has none)", at: members[index].value, severity: .note)
                members.remove(at: index)
            }
            if let index = members.firstIndex(where: { $0.key == "objects" }), let objects = members[index].value.elements {
                members[index].value.kind = .array(objects.map { upgrade(object: $0, record: record) })
            }
            upgraded.kind = .object(members)
        } else {
            upgraded = upgrade(object: document, record: record)
        }
        let notes = changes.sorted { ($0.value.first?.line ?? 0, $0.key) < ($1.value.first?.line ?? 0, $1.key) }.map {
            change, seen in
            Diagnostic(
                seen.severity, "--upgrade: \(change)\(seen.count > 1 ? " (\(seen.count) objects)" : "")",
                at: seen.first.map { SourceLocation(file: file, line: $0.line, column: $0.column) })
        }
        return (upgraded, notes)
    }

    private static func upgrade(
        object: LocatedJSON, record: (String, LocatedJSON, Diagnostic.Severity) -> Void
    ) -> LocatedJSON {
        guard case .object(var members) = object.kind, let type = object["type"]?.string,
            STIXVersionEvidence.reading(of: object) == .stix20
        else { return object }
        func set(_ key: String, _ kind: LocatedJSON.Kind) {
            let value = LocatedJSON(kind: kind, line: object.line, column: object.column)
            if let index = members.firstIndex(where: { $0.key == key }) {
                members[index].value = value
            } else {
                members.append(LocatedJSON.Member(key: key, line: object.line, column: object.column, value: value))
            }
        }
        set("spec_version", .string("2.1"))
        record("set 'spec_version' to \"2.1\" (STIX 2.0 objects have none or \"2.0\")", object, .note)
        if let property = labelProperties[type], object[property] == nil,
            let index = members.firstIndex(where: { $0.key == "labels" })
        {
            let labels = members.remove(at: index)
            members.insert(LocatedJSON.Member(key: property, line: labels.line, column: labels.column, value: labels.value), at: index)
            record("moved \(type) 'labels' to '\(property)' (STIX 2.1 gives the 2.0 label vocabulary its own property)", object, .note)
        }
        if type == "indicator", object["pattern_type"] == nil {
            set("pattern_type", .string("stix"))
            record("added 'pattern_type': \"stix\" to indicator (required in 2.1; 2.0 patterns are STIX patterns)", object, .note)
        }
        if type == "malware", object["is_family"] == nil {
            set("is_family", .bool(true))
            record("added 'is_family': true to malware (required in 2.1; a 2.0 malware object names a family)", object, .note)
        }
        if type == "observed-data", object["objects"] != nil {
            record(
                "observed-data keeps STIX 2.0's 'objects' dictionary, deprecated in 2.1, whose references name dictionary keys, not ids; it is not turned into top-level observables",
                object, .warning)
        }
        var upgraded = object
        upgraded.kind = .object(members)
        return upgraded
    }
}
