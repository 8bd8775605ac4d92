import ExportCore

/// Whether an indicator, cyber-observable, malware or tool read from STIX 2.1 fits the model whole: every
/// property it carries is one the model holds (or metadata only STIX 2.1 has, which the original object keeps
/// there), and its values pass the checks an authored one would.
///
/// An object that does not fit stays a verbatim object, as before the model had these kinds: STIX 2.1 writes it
/// back unchanged and every other format counts it as not carried, so nothing it says is lost without a note.
/// Carrying it as a model object instead would let other formats drop its extra properties silently.
enum STIXDetectionFit {
    typealias Object = [String: JSONValue]

    /// Properties of any object that are metadata the model does not need: its STIX id and version, kept in
    /// STIX 2.1 through the original object, and carried by no other format for any imported object.
    private static let metadata: Set<String> = ["type", "id", "spec_version", "created", "modified", "created_by_ref"]
    /// What the model holds of every SDO: its marking, sources and confidence.
    private static let sdoCommon: Set<String> = metadata.union(["object_marking_refs", "external_references", "confidence"])

    private static let indicator = sdoCommon.union([
        "name", "description", "indicator_types", "pattern", "pattern_type", "valid_from", "valid_until", "kill_chain_phases",
    ])
    private static let malware = sdoCommon.union(["name", "description", "aliases", "is_family", "malware_types", "capabilities"])
    private static let tool = sdoCommon.union(["name", "description", "aliases", "tool_types"])
    private static let addressLike: Set<String> = ["type", "id", "spec_version", "object_marking_refs", "value"]
    private static let file: Set<String> = ["type", "id", "spec_version", "object_marking_refs", "hashes", "name"]

    /// Whether `object` becomes a model object of its type.
    static func fits(_ object: Object) -> Bool {
        guard let type = object["type"]?.stringValue, hasOnlyDefaults(object), hasOnlyOurExtension(object) else {
            return false
        }
        switch type {
        case "indicator": return fitsIndicator(object)
        case "malware": return onlyKeys(object, malware) && object["name"]?.stringValue != nil
        case "tool": return onlyKeys(object, tool) && object["name"]?.stringValue != nil
        default:
            guard let kind = ObservableKind(rawValue: type) else { return false }
            return kind == .file ? fitsFile(object) : fitsValue(object, kind)
        }
    }

    private static func fitsIndicator(_ object: Object) -> Bool {
        guard onlyKeys(object, indicator), let pattern = object["pattern"]?.stringValue,
            let type = object["pattern_type"]?.stringValue,
            let validFrom = object["valid_from"]?.stringValue, STIXTimestamp.date(of: validFrom) != nil,
            object["valid_until"].map({ $0.stringValue.flatMap(STIXTimestamp.date(of:)) != nil }) ?? true
        else { return false }
        // A pattern language the model does not know would reach other formats as a word they cannot act on.
        guard PatternType.known.contains(PatternType(type)) else { return false }
        if type == PatternType.stix.rawValue, STIXPattern.problem(in: pattern) != nil { return false }
        return (object["kill_chain_phases"]?.arrayValue ?? []).allSatisfy { phase in
            guard let members = phase.objectValue else { return false }
            return Set(members.keys) == ["kill_chain_name", "phase_name"]
                && members.values.allSatisfy { $0.stringValue != nil }
        }
    }

    private static func fitsValue(_ object: Object, _ kind: ObservableKind) -> Bool {
        guard onlyKeys(object, addressLike), let value = object["value"]?.stringValue else { return false }
        return ObservableSyntax.problem(in: value, as: kind) == nil
    }

    private static func fitsFile(_ object: Object) -> Bool {
        guard onlyKeys(object, file), let hashes = object["hashes"]?.objectValue, !hashes.isEmpty else { return false }
        if let name = object["name"], name.stringValue == nil { return false }
        return hashes.allSatisfy { key, value in
            guard let algorithm = HashAlgorithm(rawValue: key), let digest = value.stringValue else { return false }
            return ObservableSyntax.problem(inHash: digest, algorithm: algorithm) == nil
        }
    }

    private static func onlyKeys(_ object: Object, _ allowed: Set<String>) -> Bool {
        object.keys.allSatisfy { allowed.contains($0) || $0 == "extensions" || defaults[$0] != nil }
    }

    /// Properties whose value here says nothing beyond the spec's default, so nothing is lost without them.
    private static let defaults: [String: JSONValue] = [
        "revoked": .bool(false), "defanged": .bool(false), "pattern_version": .string("2.1"),
    ]

    private static func hasOnlyDefaults(_ object: Object) -> Bool {
        defaults.allSatisfy { key, value in object[key].map { $0 == value } ?? true }
    }

    /// Another producer's extension (or a second one) holds what the model cannot.
    private static func hasOnlyOurExtension(_ object: Object) -> Bool {
        guard let extensions = object["extensions"] else { return true }
        guard let members = extensions.objectValue else { return false }
        return members.keys.allSatisfy { $0 == STIXExtensionDefinition.object.id }
    }
}
