import ExportCore

/// The keys of the authoring format, per mapping: the one list the reader, the lint and the JSON Schema
/// (checked by a test) agree on.
package enum AuthoringKeys {
    static let report: KeyList = [
        "format_version", "title", "description", "published", "producer", "default_marking", "marking", "sources", "actors",
        "intrusion_sets", "campaigns", "partnerships", "incidents", "indicators", "observables", "malware", "tools",
    ]
    static let reportRequired: KeyList = ["format_version", "title", "published", "producer"]
    static let producer: KeyList = ["id", "name"]
    static let marking: KeyList = ["tlp", "releasable_to"]
    static let link: KeyList = ["ref", "marking", "description", "evidence"]
    static let source: KeyList = ["id", "name", "url", "sha256", "description"]
    static let common: KeyList = ["confidence", "sources", "marking", "evidence"]
    static let threat: KeyList = [
        "threat_actor_types", "sophistication", "resource_level", "primary_motivation", "secondary_motivations",
        "goals", "first_seen", "last_seen",
    ]
    static let actor: KeyList =
        ["id", "name", "kind", "aliases", "country", "sectors", "roles", "description", "sponsored_by", "misp_organisation_uuid"]
        + threat + common
    static let activity: KeyList =
        ["id", "name", "aliases", "description", "first_seen", "last_seen", "objective", "attributed_to", "targets"]
        + common
    static let partnership: KeyList =
        ["id", "name", "kind", "aliases", "members", "scope", "established", "description"] + common
    static let membership: KeyList = ["member", "role", "since", "until", "marking", "evidence"]
    static let incident: KeyList =
        [
            "id", "title", "kind", "description", "when", "where", "attributed_to", "targets", "responders",
            "supporters", "outcome", "impacts", "status", "determination",
        ] + common
    static let location: KeyList = ["name", "country", "region", "latitude", "longitude"]
    static let indicator: KeyList =
        [
            "id", "name", "description", "pattern", "pattern_type", "valid_from", "valid_until", "indicator_types",
            "kill_chain_phases", "indicates", "based_on",
        ] + common
    static let killChainPhase: KeyList = ["kill_chain_name", "phase_name"]
    static let observable: KeyList = ["id", "type", "value", "name", "hashes", "involved_in", "marking"]
    static let malware: KeyList =
        ["id", "name", "aliases", "description", "is_family", "malware_types", "capabilities", "used_by"] + common
    static let tool: KeyList = ["id", "name", "aliases", "description", "tool_types", "used_by"] + common
}

extension AuthoringKeys {
    // The required keys, built once: a literal at the call site would build its KeyList for every mapping read.
    static let idAndName: KeyList = ["id", "name"]
    static let idNameAndKind: KeyList = ["id", "name", "kind"]
    static let incidentRequired: KeyList = ["id", "title", "kind"]
    static let indicatorRequired: KeyList = ["id", "name", "pattern", "valid_from"]
    static let observableRequired: KeyList = ["id", "type"]
    static let membershipRequired: KeyList = ["member"]
    static let markingRequired: KeyList = ["tlp"]
    static let linkRequired: KeyList = ["ref"]
    static let noneRequired: KeyList = []
}

extension AuthoringKeys {
    /// The keys of one kind of mapping, by name, for tests that compare them with the JSON Schema.
    package static func named(_ kind: String) -> [String] {
        let keys: KeyList =
            switch kind {
            case "report": report
            case "actor": actor
            case "activity": activity
            case "partnership": partnership
            case "incident": incident
            case "source": source
            case "marking": marking
            case "location": location
            case "membership": membership
            case "link": link
            case "indicator": indicator
            case "kill_chain_phase": killChainPhase
            case "observable": observable
            case "malware": malware
            case "tool": tool
            default: []
            }
        return keys.names
    }
}
