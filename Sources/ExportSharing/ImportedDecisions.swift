import ExportCore

/// What the sharing policy decided about imported content (STIX objects kept as they came) for one
/// recipient: which STIX ids the recipient receives, and which properties granular markings withhold.
struct ImportedDecisions {
    /// STIX ids the recipient receives: released model objects, kept imported links and memberships, and
    /// released verbatim objects. Anything an imported object refers to must be in here for it to go.
    var releasedIDs: Set<String> = []
    /// Top-level properties a granular marking withholds, by the STIX id of the object that carries them.
    var stripped: [String: Set<String>] = [:]
    /// The verbatim (unmodelled) content objects released, by STIX id.
    var verbatim: Set<String> = []
    /// Whether the recipient receives a neutral title instead of the report's narrative.
    var narrativeWithheld = false

    /// Records a kept imported link or membership.
    mutating func keep(_ json: JSONValue) {
        if let id = json["id"]?.stringValue { releasedIDs.insert(id) }
    }

    /// The object without the properties withheld from it, and without the granular markings that
    /// pointed at them; `nil` when nothing is withheld.
    func strip(_ json: JSONValue?) -> JSONValue? {
        guard var object = json?.objectValue, let id = object["id"]?.stringValue, let keys = stripped[id] else {
            return nil
        }
        for key in keys { object[key] = nil }
        let kept = (object["granular_markings"]?.arrayValue ?? []).filter { marking in
            !(marking["selectors"]?.arrayValue ?? []).contains { selector in
                selector.stringValue.map { keys.contains(Self.property($0)) } ?? true
            }
        }
        object["granular_markings"] = kept.isEmpty ? nil : .array(kept)
        return .object(object)
    }

    /// The top-level property a granular-marking selector points into (`external_references.[0].url`).
    static func property(_ selector: String) -> String {
        String(selector.prefix { $0 != "." })
    }
}
