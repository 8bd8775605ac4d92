import ExportCore

/// The findings of one MISP check, each located in the input.
struct MISPCheck {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    mutating func error(_ message: String, at line: Int, _ column: Int, hint: String? = nil) {
        diagnostics.append(Diagnostic(.error, message, at: SourceLocation(file: file, line: line, column: column), hint: hint))
    }

    mutating func error(_ message: String, at value: LocatedJSON, hint: String? = nil) {
        error(message, at: value.line, value.column, hint: hint)
    }

    mutating func append(_ findings: [Diagnostic]) { diagnostics += findings }

    /// Where each attribute and object UUID of the current event was first seen. MISP keeps one attribute and
    /// one object per UUID (a unique key across the instance): a second one in an event is rejected or silently
    /// dropped on import, so the partner loses it. Lower-cased, as MISP's database compares them.
    private var firstSeen: [String: (line: Int, column: Int)] = [:]

    /// Forgets the UUIDs of the previous event (a feed or a response list holds several, each imported alone).
    mutating func startEvent() { firstSeen.removeAll(keepingCapacity: true) }

    /// An error when another attribute (or object, by `kind`) of this event already has this UUID.
    mutating func unique(_ uuid: String, kind: String, at value: LocatedJSON) {
        let key = kind + ":" + uuid.lowercased()
        if let first = firstSeen[key] {
            error(
                "a second \(kind) with the UUID \(uuid) (the first is at line \(first.line)); MISP keeps one \(kind) per UUID",
                at: value, hint: "give each \(kind) its own UUID")
        } else {
            firstSeen[key] = (value.line, value.column)
        }
    }
}

/// What PyMISP and MISP require of an event's parts: each rule is one that `MISPEvent.load` (or a strict
/// `MISPAttribute`) raises on, or a MUST of the MISP core format that PyMISP leaves to the server (marked).
enum MISPRules {
    /// `info` required; `uuid` required and a UUID (core format MUST); distribution 0–4 (5 is for the parts),
    /// and 4 needs a sharing group (`sharing_group_id` other than 0, or an embedded `SharingGroup`: MISP's rule,
    /// PyMISP does not check the event); threat level 1–4; analysis 0–2; date `YYYY-MM-DD`; timestamps numeric.
    static func event(_ members: [String: LocatedJSON], at start: (line: Int, column: Int), check: inout MISPCheck) {
        if let info = members["info"] {
            if info.string == nil { check.error("an event's 'info' must be a string, not \(info.kindName)", at: info) }
        } else {
            check.error("the event has no 'info'", at: start.line, start.column, hint: "add \"info\": a one-line summary")
        }
        if let uuid = members["uuid"] {
            self.uuid(uuid, property: "uuid", check: &check)
        } else {
            check.error("the event has no 'uuid'", at: start.line, start.column, hint: "the MISP core format requires one")
        }
        if let distribution = members["distribution"], distribution.kind != .null,
            enumeration(distribution, property: "distribution", in: 0...4, check: &check) == 4, !hasSharingGroup(members)
        {
            check.error(
                "the event's distribution is 4 (sharing group) but it names none", at: distribution,
                hint: "set 'sharing_group_id' or embed the 'SharingGroup'")
        }
        if let level = members["threat_level_id"] { _ = enumeration(level, property: "threat_level_id", in: 1...4, check: &check) }
        if let analysis = members["analysis"] { _ = enumeration(analysis, property: "analysis", in: 0...2, check: &check) }
        if let date = members["date"], !(date.string.map(isDate) ?? false) {
            check.error("'date' must be a date YYYY-MM-DD", at: date)
        }
        for key in ["timestamp", "publish_timestamp"] { if let value = members[key] { timestamp(value, property: key, check: &check) } }
        if let group = members["SharingGroup"], let uuid = group["uuid"] { self.uuid(uuid, property: "SharingGroup uuid", check: &check) }
        if let orgc = members["Orgc"], let uuid = orgc["uuid"] { self.uuid(uuid, property: "Orgc uuid", check: &check) }
    }

    /// An attribute (of the event, or of an object when `inObject`): a known `type`, a `value`, a `category` that
    /// allows the type (PyMISP's strict check; its default mode silently replaces the category), distribution 0–5
    /// with a sharing group id for 4, `to_ids` a boolean, a UUID, numeric timestamp, tags with names.
    static func attribute(_ json: LocatedJSON, inObject: Bool = false, check: inout MISPCheck) {
        guard json.members != nil else {
            check.error("an attribute is a JSON object, not \(json.kindName)", at: json)
            return
        }
        let type = json["type"]?.string
        if let value = json["type"] {
            if let type, MISPDescribeTypes.defaultCategory[type] == nil {
                check.error("'\(type)' is not a MISP attribute type", at: value, hint: "use a type from MISP's describeTypes")
            } else if type == nil {
                check.error("an attribute's 'type' must be a string, not \(value.kindName)", at: value)
            }
        } else {
            check.error("the attribute has no 'type'", at: json)
        }
        if let category = json["category"], category.kind != .null {
            if let name = category.string, let allowed = MISPDescribeTypes.typesByCategory[name] {
                if let type, MISPDescribeTypes.defaultCategory[type] != nil, !allowed.contains(type) {
                    check.error(
                        "the category '\(name)' does not allow the type '\(type)'", at: category,
                        hint: "MISP files '\(type)' under '\(MISPDescribeTypes.defaultCategory[type] ?? "")'")
                }
            } else {
                check.error("\(category.string.map { "'\($0)'" } ?? category.kindName) is not a MISP category", at: category)
            }
        }
        if json["value"] == nil || json["value"]?.kind == .null { check.error("the attribute has no 'value'", at: json) }
        if inObject, json["object_relation"]?.string?.isEmpty != false {
            check.error("an object's attribute needs an 'object_relation'", at: json)
        }
        if let toIDs = json["to_ids"], !isBoolean(toIDs) {
            check.error("'to_ids' must be a boolean", at: toIDs)
        }
        if let uuid = json["uuid"], let text = uuid.string, isUUID(text) { check.unique(text, kind: "attribute", at: uuid) }
        part(json, check: &check)
    }

    /// An object: a `name`, a UUID template id, a numeric template version, its attributes, references.
    static func object(_ json: LocatedJSON, check: inout MISPCheck) {
        guard json.members != nil else {
            check.error("an object is a JSON object, not \(json.kindName)", at: json)
            return
        }
        if json["name"]?.string?.isEmpty != false { check.error("the object has no 'name'", at: json, hint: "name its template, e.g. \"file\"") }
        if let template = json["template_uuid"] { uuid(template, property: "template_uuid", check: &check) }
        if let version = json["template_version"], integer(version) == nil {
            check.error("'template_version' must be a number", at: version)
        }
        for attribute in list(json["Attribute"], property: "Attribute", check: &check) {
            self.attribute(attribute, inObject: true, check: &check)
        }
        if let uuid = json["uuid"], let text = uuid.string, isUUID(text) { check.unique(text, kind: "object", at: uuid) }
        for reference in list(json["ObjectReference"], property: "ObjectReference", check: &check) {
            if let target = reference["referenced_uuid"] { uuid(target, property: "referenced_uuid", check: &check) }
            if reference["relationship_type"]?.string?.isEmpty != false {
                check.error("an object reference needs a 'relationship_type'", at: reference)
            }
        }
        part(json, check: &check)
    }

    /// An event report: `name` and `content`, distribution 0–5 with a sharing group id for 4.
    static func eventReport(_ json: LocatedJSON, check: inout MISPCheck) {
        for key in ["name", "content"] where json[key] == nil || json[key]?.kind == .null {
            check.error("the event report has no '\(key)'", at: json)
        }
        part(json, check: &check)
    }

    /// A galaxy: a cluster's `uuid`, when it has a non-empty one, is a UUID (published events carry clusters with
    /// an empty or no uuid, and PyMISP loads them); a cluster's distribution is 0–4, with a sharing group id for 4.
    static func galaxy(_ json: LocatedJSON, check: inout MISPCheck) {
        for cluster in list(json["GalaxyCluster"], property: "GalaxyCluster", check: &check) {
            if let uuid = cluster["uuid"], uuid.string != "" { self.uuid(uuid, property: "uuid", check: &check) }
            sharing(cluster, range: 0...4, check: &check)
        }
    }

    /// A tag: a non-empty `name`.
    static func tag(_ json: LocatedJSON, check: inout MISPCheck) {
        if json["name"]?.string?.isEmpty != false { check.error("a tag needs a non-empty 'name'", at: json) }
    }

    /// What attributes, objects and reports share: a UUID, distribution 0–5 with a sharing group for 4, a
    /// numeric timestamp, tags.
    private static func part(_ json: LocatedJSON, check: inout MISPCheck) {
        if let uuid = json["uuid"] { self.uuid(uuid, property: "uuid", check: &check) }
        sharing(json, range: 0...5, check: &check)
        if let stamp = json["timestamp"] { timestamp(stamp, property: "timestamp", check: &check) }
        for tag in list(json["Tag"], property: "Tag", check: &check) { self.tag(tag, check: &check) }
    }

    private static func sharing(_ json: LocatedJSON, range: ClosedRange<Int>, check: inout MISPCheck) {
        guard let value = json["distribution"], value.kind != .null,
            enumeration(value, property: "distribution", in: range, check: &check) == 4
        else { return }
        if (json["sharing_group_id"].flatMap(integer) ?? 0) == 0 {
            check.error("distribution 4 (sharing group) needs a 'sharing_group_id' other than 0", at: value)
        }
    }

    private static func hasSharingGroup(_ members: [String: LocatedJSON]) -> Bool {
        (members["sharing_group_id"].flatMap(integer) ?? 0) != 0 || members["SharingGroup"]?["uuid"] != nil
    }

    /// A number (integer or numeric string) in `range`; anything else is an error.
    private static func enumeration(_ value: LocatedJSON, property: String, in range: ClosedRange<Int>, check: inout MISPCheck)
        -> Int?
    {
        guard let number = integer(value), range.contains(number) else {
            check.error("'\(property)' must be \(range.lowerBound)–\(range.upperBound), not \(rendered(value))", at: value)
            return nil
        }
        return number
    }

    static func timestamp(_ value: LocatedJSON, property: String, check: inout MISPCheck) {
        if integer(value) == nil { check.error("'\(property)' must be Unix seconds (a numeric string), not \(rendered(value))", at: value) }
    }

    static func uuid(_ value: LocatedJSON, property: String, check: inout MISPCheck) {
        guard let text = value.string, isUUID(text) else {
            check.error("'\(property)' must be a UUID, not \(rendered(value))", at: value)
            return
        }
    }

    static func list(_ value: LocatedJSON?, property: String, check: inout MISPCheck) -> [LocatedJSON] {
        guard let value, value.kind != .null else { return [] }
        guard let elements = value.elements else {
            check.error("'\(property)' must be a list, not \(value.kindName)", at: value)
            return []
        }
        return elements
    }

    /// An integer, or a string of ASCII digits (how MISP writes its numbers).
    static func integer(_ value: LocatedJSON) -> Int? {
        switch value.kind {
        case .number(let text, true): Int(text)
        case .string(let text) where !text.isEmpty && text.utf8.allSatisfy({ (0x30...0x39).contains($0) }): Int(text)
        default: nil
        }
    }

    private static func isBoolean(_ value: LocatedJSON) -> Bool {
        switch value.kind {
        case .bool: true
        case .number(let text, true): text == "0" || text == "1"
        case .string(let text): ["0", "1", "true", "false", "True", "False"].contains(text)
        default: false
        }
    }

    /// MISP takes any UUID-shaped text; STIX's version and variant rule does not apply.
    static func isUUID(_ text: String) -> Bool { UUIDText.hasShape(text) }

    private static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil
        else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }

    private static func rendered(_ value: LocatedJSON) -> String {
        switch value.kind {
        case .string(let text): "'\(text.prefix(40))'"
        case .number(let text, _): text
        default: value.kindName
        }
    }
}
