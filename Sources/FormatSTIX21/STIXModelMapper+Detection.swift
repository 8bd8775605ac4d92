import ExportCore
import ExportSharing

/// Indicators, cyber-observables, malware and tools read back (the reverse of `STIXBundleBuilder+Detection`),
/// with their `indicates`, `based-on` and `uses` relationships and an incident's `involves`.
extension STIXModelMapper {
    /// What each detection link may join, by the STIX type of its far end: the model's own rules
    /// (``ReportChecks``), so that a relationship the model could not hold stays a verbatim object.
    static let indicatedTypes: Set<String> = ["threat-actor", "intrusion-set", "campaign", "malware"]
    static let userTypes: Set<String> = ["threat-actor", "intrusion-set", "campaign"]

    /// The indicator; `nil` when its `valid_from` reads as no date (``STIXDetectionFit`` keeps it verbatim first).
    mutating func indicator(_ object: Object) -> Indicator? {
        guard let validFrom = Self.date(object, "valid_from") else { return nil }
        let id = Self.string(object, "id") ?? ""
        let pattern = Self.string(object, "pattern") ?? ""
        // The model's indicator has a name; a nameless one is named by what it matches.
        var indicator = Indicator(
            id: localID(object), name: Self.string(object, "name") ?? pattern, description: Self.string(object, "description"),
            pattern: pattern, patternType: PatternType(Self.string(object, "pattern_type") ?? "stix"),
            validFrom: validFrom, validUntil: Self.date(object, "valid_until"),
            types: Self.strings(object, "indicator_types").map(IndicatorType.init), confidence: Self.confidence(object),
            sources: Self.sources(object), marking: marking(object))
        indicator.killChainPhases = (object["kill_chain_phases"]?.arrayValue ?? []).compactMap { (phase: JSONValue) -> KillChainPhase? in
            guard let chain = phase["kill_chain_name"]?.stringValue, let name = phase["phase_name"]?.stringValue else {
                return nil
            }
            return KillChainPhase(killChainName: chain, phaseName: name)
        }
        indicator.indicates = links("indicates", from: id, endTypes: Self.indicatedTypes)
        indicator.basedOn = links("based-on", from: id, endTypes: Set(ObservableKind.allCases.map(\.rawValue)))
        indicator.imported = imported(object)
        indicator.evidence = evidence(of: id)
        return indicator
    }

    mutating func observable(_ object: Object) -> Observable? {
        guard let kind = Self.string(object, "type").flatMap(ObservableKind.init(rawValue:)) else { return nil }
        let id = Self.string(object, "id") ?? ""
        let hashes = (object["hashes"]?.objectValue ?? [:]).compactMap { key, value in
            HashAlgorithm(rawValue: key).flatMap { algorithm in value.stringValue.map { FileHash(algorithm, $0) } }
        }.sorted { $0.algorithm < $1.algorithm }
        var observable = Observable(
            id: localID(object), kind: kind, value: kind == .file ? nil : Self.string(object, "value"), hashes: hashes,
            fileName: kind == .file ? Self.string(object, "name") : nil, marking: marking(object))
        observable.involvedIn = links("involves", from: id, reversed: true, endTypes: ["incident"])
        // STIX gives observables no `created_by_ref`: another producer's bundle keeps the original, and so does
        // ours when the id is not the one the writer derives again from the value (it came from elsewhere).
        if !isOurs || SCOIdentity.stixID(of: observable) != id { observable.imported = .object(object) }
        return observable
    }

    mutating func malware(_ object: Object) -> Malware {
        let id = Self.string(object, "id") ?? ""
        var malware = Malware(
            id: localID(object), name: Self.string(object, "name") ?? "", aliases: Self.strings(object, "aliases"),
            description: Self.string(object, "description"), isFamily: object["is_family"] != .bool(false),
            types: Self.strings(object, "malware_types").map(MalwareType.init),
            capabilities: Self.strings(object, "capabilities").map(MalwareCapability.init),
            confidence: Self.confidence(object), sources: Self.sources(object), marking: marking(object))
        malware.usedBy = links("uses", from: id, reversed: true, endTypes: Self.userTypes)
        malware.imported = imported(object)
        malware.evidence = evidence(of: id)
        return malware
    }

    mutating func tool(_ object: Object) -> Tool {
        let id = Self.string(object, "id") ?? ""
        var tool = Tool(
            id: localID(object), name: Self.string(object, "name") ?? "", aliases: Self.strings(object, "aliases"),
            description: Self.string(object, "description"), types: Self.strings(object, "tool_types").map(ToolType.init),
            confidence: Self.confidence(object), sources: Self.sources(object), marking: marking(object))
        tool.usedBy = links("uses", from: id, reversed: true, endTypes: Self.userTypes)
        tool.imported = imported(object)
        tool.evidence = evidence(of: id)
        return tool
    }

    /// Whether our writer would give a relationship between these local ids the id it has: not when an end is
    /// an observable, which carries no local id of its own, so its authored handle is gone. Such a relationship
    /// is kept as it came, so that the re-export names it alike.
    func rederivesID(of relationship: Object, _ type: String, from source: String, to target: String) -> Bool {
        guard let producerRef, let producer = object(producerRef) else { return true }
        let derived = StableID.stixID(producer: localID(producer), type: "relationship", localID: "\(source)|\(type)|\(target)")
        return Self.string(relationship, "id") == derived
    }
}
