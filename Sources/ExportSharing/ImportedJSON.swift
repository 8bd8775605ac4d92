package import ExportCore

/// What the sharing policy reads and rewrites in STIX objects kept as they came (imported content).
///
/// The policy decides imported content like everything else: by its markings (object and granular), by
/// what it refers to, and with its strings scanned. These helpers walk the JSON for it.
package enum ImportedJSON {
    package typealias Object = [String: JSONValue]

    /// Properties naming marking definitions: they carry the object's label, not a reference the recipient
    /// must also receive (the definitions follow the objects that use them).
    static let topLevelMarkingKeys: Set<String> = ["object_marking_refs", "granular_markings"]

    /// Properties a STIX object cannot lose: a granular marking that withholds one withholds the object.
    static let essential: Set<String> = [
        "type", "id", "spec_version", "created", "modified", "name", "pattern", "pattern_type", "valid_from",
        "relationship_type", "source_ref", "target_ref", "sighting_of_ref", "object_refs", "content", "opinion",
        "published", "definition_type", "definition", "first_observed", "last_observed", "number_observed",
        "is_family", "value", "identity_class", "extension_types", "schema", "version", "hashes", "key",
        "granular_markings", "object_marking_refs", "extensions",
    ]

    /// Every id the value refers to through a `*_ref` or `*_refs` property, at any depth, markings excepted.
    /// `skipping` leaves out top-level properties (a report's `object_refs`, which the policy filters).
    static func references(in value: JSONValue, skipping: Set<String> = []) -> [String] {
        var found: [String] = []
        // Each pending value says whether it is the object itself and whether it stands under a reference key:
        // under `*_ref`/`*_refs` (any case), every string at any depth is a reference, whatever the nesting.
        var pending: [(value: JSONValue, isTop: Bool, isReference: Bool)] = [(value, true, false)]
        // A work list, not recursion: nesting is bounded by the reader, but this keeps the stack flat anyway.
        while let (next, isTop, isReference) = pending.popLast() {
            switch next {
            case .string(let text) where isReference:
                found.append(text)
            case .object(let members):
                // Only the object's own marking properties are labels; a `marking_ref` anywhere else (inside an
                // extension) is a reference like any other.
                for (key, member) in members where !(isTop && (topLevelMarkingKeys.contains(key) || skipping.contains(key))) {
                    let lower = key.lowercased()
                    pending.append((member, false, isReference || lower.hasSuffix("_ref") || lower.hasSuffix("_refs")))
                }
            case .array(let elements):
                pending += elements.map { ($0, false, isReference) }
            default:
                continue
            }
        }
        return found
    }

    /// The marking definitions an object uses, at object level and in its granular markings.
    package static func markingRefs(of object: Object) -> [String] {
        var refs = (object["object_marking_refs"]?.arrayValue ?? []).compactMap(\.stringValue)
        refs += (object["granular_markings"]?.arrayValue ?? []).compactMap { $0["marking_ref"]?.stringValue }
        return refs
    }

    /// The extension definitions an object uses (the keys of its `extensions` that are definition ids).
    static func extensionRefs(of object: Object) -> [String] {
        (object["extensions"]?.objectValue ?? [:]).keys.filter { $0.hasPrefix("extension-definition--") }.sorted()
    }

    /// The object's marking from its `object_marking_refs`, read through the input's definitions; `nil`
    /// when it has none (the default applies). A definition missing from the table is not understood.
    static func marking(of object: Object, definitions: [String: MarkingDefinition]) -> Marking? {
        let refs = (object["object_marking_refs"]?.arrayValue ?? []).compactMap(\.stringValue)
        return Marking(combining: refs.map { definitions[$0] ?? MarkingDefinition(notUnderstood: "'\($0)'") })
    }

    /// Passes every string that is content (not an id, a reference, a type, a timestamp or a key) through
    /// `body` with its path and the key it stands under, and keeps what `body` returns; `nil` removes the
    /// member (or the list element) that held it.
    static func rewriteStrings(
        _ value: JSONValue, path: String, key: String = "", isTop: Bool = true, _ body: (String, String, String) -> String?
    ) -> JSONValue? {
        switch value {
        case .string(let text):
            return body(text, path, key).map(JSONValue.string)
        case .array(let elements):
            return .array(elements.enumerated().compactMap {
                rewriteStrings($0.element, path: "\(path)[\($0.offset)]", key: key, isTop: false, body)
            })
        case .object(let members):
            var out: Object = [:]
            for (name, member) in members {
                // `id`, `created` and the like have a fixed syntax only as the object's own properties; nested
                // in a custom property they are whatever an outsider put there, and are scanned.
                if isStructural(name, isTop: isTop) {
                    out[name] = member
                    continue
                }
                // A key is data too (a dictionary keyed by ids or names). One that names a withheld object goes
                // with its value: renaming it could collide with another key.
                if !propertyNames.contains(name), body(name, "\(path) key '\(name)'", "") != name { continue }
                out[name] = rewriteStrings(member, path: "\(path).\(name)", key: name, isTop: false, body)
            }
            // A selector that named a withheld property went with it; a granular marking left with none is void.
            if let markings = out["granular_markings"]?.arrayValue {
                let kept = markings.filter { $0["selectors"]?.arrayValue?.isEmpty != true }
                out["granular_markings"] = kept.isEmpty ? nil : .array(kept)
            }
            return .object(out)
        default:
            return value
        }
    }

    /// Values with a fixed syntax that cannot carry a name: ids, references, versions and timestamps. Every
    /// other value is scanned, vocabulary and hashes included.
    private static let structural: Set<String> = [
        "type", "id", "spec_version", "created", "modified", "valid_from", "valid_until",
        "first_seen", "last_seen", "published", "first_observed", "last_observed", "start_time", "stop_time",
    ]

    /// STIX 2.1 property names, which are not scanned as keys: a name that happened to be one (`Description`)
    /// must not strip the property from every object.
    private static let propertyNames: Set<String> = [
        "aliases", "architecture_execution_envs", "authors", "capabilities", "confidence", "contact_information",
        "content", "context", "count", "definition", "definition_type", "description", "end_time", "explanation",
        "extension_type", "extensions", "external_id", "external_references", "first_seen", "goals", "granular_markings",
        "hashes", "identity_class", "implementation_languages", "infrastructure_types", "is_family", "kill_chain_name",
        "kill_chain_phases", "labels", "lang", "last_seen", "marking_ref", "name", "number_observed", "object_modified",
        "object_refs", "objective", "opinion", "pattern", "pattern_type", "pattern_version", "phase_name",
        "primary_motivation", "region", "country", "city", "administrative_area", "street_address", "postal_code",
        "latitude", "longitude", "precision", "report_types", "resource_level", "revoked", "roles", "schema", "sectors",
        "secondary_motivations", "personal_motivations", "selectors", "severity", "sophistication", "source_name",
        "summary", "threat_actor_types", "tool_types", "tool_version", "malware_types", "indicator_types", "url",
        "version", "abstract", "statement", "tlp", "where_sighted_refs", "incident_type", "status", "x_exportctl",
        "classification", "permitted_nationalities", "policy", "identifier", "access_privilege", "further_sharing",
    ]
    private static func isStructural(_ key: String, isTop: Bool) -> Bool {
        (isTop && structural.contains(key)) || key.hasSuffix("_ref") || key.hasSuffix("_refs")
    }
}
