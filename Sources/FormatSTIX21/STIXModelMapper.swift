import ExportCore
import ExportSharing

/// Maps STIX objects (already checked) onto the model: the reverse of ``STIXBundleBuilder``.
struct STIXModelMapper {
    typealias Object = [String: JSONValue]

    private let objects: [Object]
    private(set) var byID: [String: Object] = [:]
    /// STIX id → local id of every object that became a model object.
    var localIDs: [String: String] = [:]
    /// Relationships by source and by target id, in bundle order.
    private var outgoing: [String: [Object]] = [:]
    var incoming: [String: [Object]] = [:]
    /// exportctl's evidence notes by the id of the one object they are about, in bundle order.
    var evidenceNotes: [String: [Object]] = [:]
    /// Ids consumed by the mapping (everything else is kept verbatim).
    var consumed: Set<String> = []
    /// Whether a relationship of our own bundle was kept as it came (``rederivesID(of:_:from:to:)``): the sharing
    /// policy then follows its references as it does another producer's.
    var keepsOwnRelationships = false

    /// The id of exportctl's producer identity, when exportctl wrote the bundle.
    private(set) var producerRef: String?
    /// The report's default marking, once read: what "inherited" means for an object.
    var defaultMarking: Marking?
    /// The input bundle's id, when the input was a bundle.
    let bundleID: String?
    /// How each marking definition the objects reference reads (``markingDefinitions()``), read once: every
    /// object's marking combines its refs, and reading a definition again for each (an ACS payload parsed per
    /// object) was a sixteenth of a re-export.
    private var readMarkings: [String: MarkingDefinition] = [:]
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
        readMarkings = markingDefinitions()
        // After every object is indexed: a note is checked against its subject, which may come later.
        for object in self.objects where isEvidenceNote(object) {
            if let subject = Self.strings(object, "object_refs").first { evidenceNotes[subject, default: []].append(object) }
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

    /// The object's marking; `nil` when our extension says it was inherited and its own refs agree with
    /// that (a file that says "inherited" but carries other markings keeps the ones it carries).
    func marking(_ object: Object) -> Marking? {
        let own = marking(refs: Self.strings(object, "object_marking_refs"))
        guard Self.ext(object, .object)["marking_inherited"] == .bool(true) else { return own }
        let inherited: Marking?
        if Self.string(object, "type") == "relationship" {
            let ends = [Self.string(object, "source_ref"), Self.string(object, "target_ref")].map { ref in
                // One level only: an end that is itself a relationship must not recurse (a crafted cycle).
                ref.flatMap { byID[$0] }.flatMap { end in
                    Self.ext(end, .object)["marking_inherited"] == .bool(true)
                        ? defaultMarking : marking(refs: Self.strings(end, "object_marking_refs"))
                } ?? defaultMarking
            }
            inherited = LinkMarking.stricter(ends[0], ends[1])
        } else {
            inherited = defaultMarking
        }
        return own == inherited ? nil : own
    }

    /// The one marking several marking-definition refs make together; `nil` for none.
    func marking(refs: [String]) -> Marking? {
        Marking(combining: refs.map { readMarkings[$0] ?? STIXMarkingReader.read($0, definition: byID[$0]) })
    }

    /// How every marking definition the input references reads, for the sharing policy's decisions on
    /// objects kept verbatim (their `object_marking_refs` and `granular_markings`).
    func markingDefinitions() -> [String: MarkingDefinition] {
        guard readMarkings.isEmpty else { return readMarkings }
        var table: [String: MarkingDefinition] = [:]
        for object in objects {
            var refs = Self.strings(object, "object_marking_refs")
            refs += (object["granular_markings"]?.arrayValue ?? []).compactMap { $0["marking_ref"]?.stringValue }
            for ref in refs where table[ref] == nil { table[ref] = STIXMarkingReader.read(ref, definition: byID[ref]) }
        }
        return table
    }

    /// Whether a marking definition is one the writer regenerates (official TLP 2.0, or our ACS marking).
    static func isRegenerated(_ definition: Object) -> Bool {
        guard let id = string(definition, "id") else { return false }
        return STIXMarkings.tlp(forID: id) != nil || !strings(ext(definition, .object), "releasable_to").isEmpty
    }

    // MARK: - Links

    /// Links of a relationship type from `source` (or to it, `reversed`) to model objects, in bundle order.
    ///
    /// - Parameter endTypes: the STIX types the far end may have; `nil` for any model object.
    mutating func links(_ type: String, from source: String, reversed: Bool = false, endTypes: Set<String>? = nil) -> [Link] {
        let candidates = (reversed ? incoming[source] : outgoing[source]) ?? []
        return candidates.compactMap { relationship in
            guard STIXRelationshipTyping.semanticType(of: relationship) == type,
                let other = Self.string(relationship, reversed ? "source_ref" : "target_ref"),
                let local = localIDs[other], let id = Self.string(relationship, "id"),
                endTypes.map({ $0.contains(Self.string(byID[other] ?? [:], "type") ?? "") }) ?? true
            else { return nil }
            consumed.insert(id)
            var link = Link(local, marking: marking(relationship), description: Self.authoredDescription(relationship))
            link.imported = imported(relationship)
            if link.imported == nil, endTypes != nil, let own = localIDs[source],
                !rederivesID(of: relationship, type, from: reversed ? local : own, to: reversed ? own : local)
            {
                // Its evidence notes stay notes about it, kept as they came like the relationship.
                link.imported = .object(relationship)
                keepsOwnRelationships = true
                return link
            }
            link.evidence = evidence(of: id)
            return link
        }
    }

    /// A relationship's description as the author wrote it: `nil` when the writer filled in the label of a
    /// `related-to` (``STIXRelationshipTyping/label(_:)``).
    static func authoredDescription(_ relationship: Object) -> String? {
        let description = string(relationship, "description")
        guard let linkType = string(ext(relationship, .object), "link_type"),
            string(relationship, "relationship_type") == "related-to",
            description == STIXRelationshipTyping.label(linkType)
        else { return description }
        return nil
    }

    /// The derived `located-at` target of an object, marking the relationship and location consumed.
    mutating func derivedLocation(of source: String) -> Object? {
        for relationship in outgoing[source] ?? [] where STIXRelationshipTyping.semanticType(of: relationship) == "located-at" {
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
