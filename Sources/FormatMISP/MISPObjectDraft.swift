import ExportCore

/// A MISP object or event attribute under construction: links add references and tags to it before it is
/// rendered.
struct MISPObjectDraft {
    struct Attribute {
        var relation: String
        var type: String = "text"
        var value: String
        var tags: [String] = []
        /// The MISP category; `nil` for the writer's usual one (Attribution on the event, Other in an object).
        var category: String? = nil
        /// Whether the value is a detection (an observable behind a released indicator, the indicator's pattern).
        var toIDs = false
    }

    struct Reference {
        var target: String
        var relationship: String
        var comment: String
    }

    /// The template, or `nil` for a stand-alone event attribute (a campaign).
    var template: MISPTemplate?
    var uuid: String
    var comment: String = ""
    var attributes: [Attribute] = []
    var references: [Reference] = []
    /// Extra tags for every attribute: the TLP when it differs from the event's.
    var tlpTag: TLP?
    var distribution: [String: JSONValue] = [:]
    /// The object's `first_seen` / `last_seen` (an indicator's validity), as ISO 8601 timestamps.
    var firstSeen: String?
    var lastSeen: String?

    /// Adds an attribute; an empty value or a repeat of one already there (whose UUID would repeat) is skipped.
    mutating func add(
        _ relation: String, _ value: String?, type: String = "text", category: String? = nil, toIDs: Bool = false
    ) {
        guard let value, !value.isEmpty,
            !attributes.contains(where: { $0.relation == relation && $0.value == value })
        else { return }
        attributes.append(Attribute(relation: relation, type: type, value: value, category: category, toIDs: toIDs))
    }

    /// Adds a reference unless the same one is already there (a link written twice).
    mutating func addReference(_ reference: Reference) {
        guard !references.contains(where: { $0.target == reference.target && $0.relationship == reference.relationship })
        else { return }
        references.append(reference)
    }

    /// Adds a tag to the first attribute (the name), where MISP shows what an object is tagged with.
    mutating func tagName(_ tag: String) {
        guard !attributes.isEmpty, !attributes[0].tags.contains(tag) else { return }
        attributes[0].tags.append(tag)
    }

    /// The object's JSON, or the stand-alone attribute's.
    func json(timestamp: String) -> JSONValue {
        let tlp = tlpTag.map(MISPJSON.tlpTag)
        let inherit: [String: JSONValue] = ["distribution": "5", "sharing_group_id": "0"]
        let renderedAttributes = attributes.map { attribute in
            MISPJSON.attribute(
                uuid: StableID.uuid5(namespace: uuid, name: attribute.relation + "|" + attribute.value),
                relation: template == nil ? nil : attribute.relation, type: attribute.type,
                category: attribute.category ?? (template == nil ? "Attribution" : "Other"), value: attribute.value,
                timestamp: timestamp, distribution: template == nil ? distribution : inherit,
                tags: (tlp.map { [$0] } ?? []) + attribute.tags.map { MISPJSON.tag($0) }, comment: comment,
                toIDs: attribute.toIDs)
        }
        guard let template else {
            // A stand-alone attribute keeps its own UUID, the one every format gives the object.
            guard case .object(var fields) = renderedAttributes.first ?? .null else { return .null }
            fields["uuid"] = .string(uuid)
            return .object(fields)
        }
        var fields: [String: JSONValue] = [
            "name": .string(template.name), "meta-category": .string(template.metaCategory),
            "description": .string(template.description), "template_uuid": .string(template.uuid),
            "template_version": .string(String(template.version)), "uuid": .string(uuid),
            "comment": .string(comment), "timestamp": .string(timestamp), "deleted": .bool(false),
            "Attribute": .array(renderedAttributes),
        ]
        fields.merge(distribution) { _, new in new }
        if let firstSeen { fields["first_seen"] = .string(firstSeen) }
        if let lastSeen { fields["last_seen"] = .string(lastSeen) }
        if !references.isEmpty {
            fields["ObjectReference"] = .array(
                references.map { reference in
                    .object([
                        "uuid": .string(StableID.uuid5(namespace: uuid, name: reference.relationship + "|" + reference.target)),
                        "object_uuid": .string(uuid), "referenced_uuid": .string(reference.target),
                        "relationship_type": .string(reference.relationship), "comment": .string(reference.comment),
                        "timestamp": .string(timestamp), "deleted": .bool(false),
                    ])
                })
        }
        return .object(fields)
    }
}
