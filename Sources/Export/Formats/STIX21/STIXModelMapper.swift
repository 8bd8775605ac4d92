/// Maps STIX objects (already checked) onto the model: the reverse of ``STIXBundleBuilder``.
struct STIXModelMapper {
    typealias Object = [String: JSONValue]

    private let objects: [Object]
    private var byID: [String: Object] = [:]
    /// STIX id → local id of every object that became a model object.
    var localIDs: [String: String] = [:]
    /// Relationships by source and by target id, in bundle order.
    private var outgoing: [String: [Object]] = [:]
    var incoming: [String: [Object]] = [:]
    /// Ids consumed by the mapping (everything else is kept verbatim).
    var consumed: Set<String> = []

    /// The id of exportctl's producer identity, when exportctl wrote the bundle.
    private var producerRef: String?
    /// The input bundle's id, when the input was a bundle.
    let bundleID: String?
    /// Whether exportctl wrote the bundle (its producer identity is in it).
    var isOurs: Bool { producerRef != nil }

    init(objects: [JSONValue], bundleID: String? = nil) {
        self.bundleID = bundleID
        self.objects = objects.compactMap(\.objectValue)
        producerRef = self.objects.first { Self.ext($0, .object)["producer"] == .bool(true) }.flatMap { Self.string($0, "id") }
        for object in self.objects {
            guard let id = object["id"]?.stringValue else { continue }
            byID[id] = object
            if object["type"]?.stringValue == "relationship" {
                if let source = object["source_ref"]?.stringValue { outgoing[source, default: []].append(object) }
                if let target = object["target_ref"]?.stringValue { incoming[target, default: []].append(object) }
            }
        }
    }

    /// The original object when another producer wrote it (kept so the STIX writer writes it back unchanged).
    func imported(_ object: Object) -> JSONValue? {
        guard let producerRef, Self.string(object, "created_by_ref") == producerRef else { return .object(object) }
        return nil
    }

    // MARK: - Extensions and common fields

    static func ext(_ object: Object, _ definition: STIXExtensionDefinition) -> Object {
        object["extensions"]?[definition.id]?.objectValue ?? [:]
    }

    static func string(_ object: Object, _ key: String) -> String? { object[key]?.stringValue }

    static func strings(_ object: Object, _ key: String) -> [String] {
        (object[key]?.arrayValue ?? []).compactMap(\.stringValue)
    }

    /// A timestamp property as a date, with the precision our extension recorded.
    static func date(_ object: Object, _ key: String) -> PartialDate? {
        if let text = ext(object, .object)["partial_dates"]?[key]?.stringValue,
            let date = try? PartialDate(parsing: text)
        {
            return date
        }
        return string(object, key).flatMap(STIXTimestamp.date(of:))
    }

    func localID(_ object: Object) -> String {
        Self.string(Self.ext(object, .object), "local_id") ?? Self.string(object, "id") ?? ""
    }

    static func confidence(_ object: Object) -> Int? {
        if case .int(let value)? = object["confidence"] { return value }
        return nil
    }

    static func sources(_ object: Object) -> [String] {
        (object["external_references"]?.arrayValue ?? []).compactMap { $0["external_id"]?.stringValue ?? $0["source_name"]?.stringValue }
    }

    /// The object's marking; `nil` when our extension says it was inherited.
    func marking(_ object: Object) -> Marking? {
        if Self.ext(object, .object)["marking_inherited"] == .bool(true) { return nil }
        return marking(refs: Self.strings(object, "object_marking_refs"))
    }

    func marking(refs: [String]) -> Marking? {
        var tlp: TLP?
        var releasees: [Releasee] = []
        for ref in refs {
            if let level = STIXMarkings.tlp(forID: ref) ?? Self.tlp1[ref] {
                tlp = max(tlp ?? level, level)
            } else if let definition = byID[ref] {
                releasees += Self.releasees(definition)
            }
        }
        guard let tlp else { return releasees.isEmpty ? nil : Marking(tlp: .amber, releasableTo: releasees) }
        return Marking(tlp: tlp, releasableTo: releasees)
    }

    private static let tlp1: [String: TLP] = [
        "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9": .clear,
        "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da": .green,
        "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82": .amber,
        "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed": .red,
    ]

    /// The releasable-to list of an ACS marking: as written when we wrote it, else its nationalities.
    static func releasees(_ definition: Object) -> [Releasee] {
        let written = strings(ext(definition, .object), "releasable_to")
        let codes = written.isEmpty
            ? strings(definition["extensions"]?[STIXExtensionDefinition.acsID]?["control_set"]?.objectValue ?? [:], "permitted_nationalities")
            : written
        return codes.map { text in
            if text.count == 3, text == text.uppercased(), let code = CountryCode(text) { return .country(code) }
            return .party(text)
        }
    }

    /// Whether a marking definition is one the writer regenerates (official TLP 2.0, or our ACS marking).
    static func isRegenerated(_ definition: Object) -> Bool {
        guard let id = string(definition, "id") else { return false }
        return STIXMarkings.tlp(forID: id) != nil || !strings(ext(definition, .object), "releasable_to").isEmpty
    }

    // MARK: - Links

    /// Links of a relationship type from `source` (or to it, `reversed`) to model objects, in bundle order.
    mutating func links(_ type: String, from source: String, reversed: Bool = false) -> [Link] {
        let candidates = (reversed ? incoming[source] : outgoing[source]) ?? []
        return candidates.compactMap { relationship in
            guard Self.string(relationship, "relationship_type") == type,
                let other = Self.string(relationship, reversed ? "source_ref" : "target_ref"),
                let local = localIDs[other], let id = Self.string(relationship, "id")
            else { return nil }
            consumed.insert(id)
            var link = Link(local, marking: marking(relationship), description: Self.string(relationship, "description"))
            link.imported = imported(relationship)
            return link
        }
    }

    /// The derived `located-at` target of an object, marking the relationship and location consumed.
    mutating func derivedLocation(of source: String) -> Object? {
        for relationship in outgoing[source] ?? [] where Self.string(relationship, "relationship_type") == "located-at" {
            guard let target = Self.string(relationship, "target_ref"), let location = byID[target],
                let id = Self.string(relationship, "id"), Self.ext(relationship, .object)["derived"] == .bool(true)
            else { continue }
            consumed.insert(id)
            consumed.insert(target)
            return location
        }
        return nil
    }

    var all: [Object] { objects }
    func object(_ id: String) -> Object? { byID[id] }
}
