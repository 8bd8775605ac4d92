import ExportCore

/// What each STIX 2.1 object type must have, beyond the common properties.
package enum STIXRequiredProperties {
    /// Domain objects: type → required properties of its own.
    static let domainObjects: [String: [String]] = [
        "attack-pattern": ["name"], "campaign": ["name"], "course-of-action": ["name"],
        "grouping": ["context", "object_refs"], "identity": ["name"], "incident": ["name"],
        "indicator": ["pattern", "pattern_type", "valid_from"], "infrastructure": ["name"],
        "intrusion-set": ["name"], "location": [], "malware": ["is_family"], "malware-analysis": ["product"],
        "note": ["content", "object_refs"], "observed-data": ["first_observed", "last_observed", "number_observed"],
        "opinion": ["opinion", "object_refs"], "report": ["name", "published", "object_refs"],
        "threat-actor": ["name"], "tool": ["name"], "vulnerability": ["name"],
    ]

    /// Relationship objects.
    static let relationshipObjects: [String: [String]] = [
        "relationship": ["relationship_type", "source_ref", "target_ref"], "sighting": ["sighting_of_ref"],
    ]

    /// Meta objects, with whether they have `modified`.
    static let metaObjects: [String: (required: [String], hasModified: Bool)] = [
        "marking-definition": ([], false),
        "extension-definition": (["created_by_ref", "name", "schema", "version", "extension_types"], true),
        "language-content": (["object_ref", "contents"], true),
    ]

    /// Cyber-observable objects: type → required properties (spec_version optional, no created/modified).
    static let observables: [String: [String]] = [
        "artifact": [], "autonomous-system": ["number"], "directory": ["path"], "domain-name": ["value"],
        "email-addr": ["value"], "email-message": ["is_multipart"], "file": [], "ipv4-addr": ["value"],
        "ipv6-addr": ["value"], "mac-addr": ["value"], "mutex": ["name"], "network-traffic": ["protocols"],
        "process": [], "software": ["name"], "url": ["value"], "user-account": [],
        "windows-registry-key": [], "x509-certificate": [],
    ]

    /// What the tables above say about one type, found with one lookup instead of one per table.
    struct Kind {
        let category: STIXObjectRules.Category
        let required: [String]
        /// Whether objects of the type have `modified` (every type but some meta objects).
        let hasModified: Bool
    }

    /// Every type of the tables; where a type were in two, the earlier table above would win.
    static let kinds: [String: Kind] = {
        var kinds: [String: Kind] = [:]
        for (type, required) in observables { kinds[type] = Kind(category: .observable, required: required, hasModified: true) }
        for (type, meta) in metaObjects { kinds[type] = Kind(category: .meta, required: meta.required, hasModified: meta.hasModified) }
        for (type, required) in relationshipObjects {
            kinds[type] = Kind(category: .relationship, required: required, hasModified: true)
        }
        for (type, required) in domainObjects { kinds[type] = Kind(category: .domain, required: required, hasModified: true) }
        return kinds
    }()

    /// Properties holding timestamps with any precision.
    static let timestamps: Set<String> = [
        "published", "first_seen", "last_seen", "start_time", "stop_time", "valid_from", "valid_until",
        "first_observed", "last_observed",
    ]

    /// Whether `key` is one of ``timestamps``; most keys are ruled out by their length without hashing.
    static func isTimestamp(_ key: String) -> Bool {
        (9...14).contains(key.utf8.count) && timestamps.contains(key)
    }

    /// The TLP 1.0 marking definitions the spec defines; consumers know them without a copy in the bundle.
    package static let tlp1IDs: Set<String> = Set(tlp1Levels.keys)

    /// The TLP 1.0 definitions' levels (`definition.tlp`), by id.
    static let tlp1Levels: [String: String] = [
        "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9": "white",
        "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da": "green",
        "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82": "amber",
        "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed": "red",
    ]
}
