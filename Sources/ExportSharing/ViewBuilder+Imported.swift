import ExportCore

/// Imported content: STIX objects kept as they came, decided by their own markings (object and granular),
/// by what they refer to, and with the same default as everything else.
extension ViewBuilder {
    private struct Candidate {
        let stixID: String
        /// The model object it is, or `nil` for a verbatim object.
        let localID: String?
        let json: JSONValue
        let kind: String
        let name: String
    }

    /// Decides imported content, after the model objects' own markings: verbatim objects by their markings,
    /// granular markings property by property, then the reference closure (an object goes only when
    /// everything it refers to goes), overturning model decisions where a reference withholds them.
    func decideImported() {
        var candidates: [Candidate] = []
        var base: Set<String> = []
        var stixOf: [String: String] = [:]
        for (stixID, localID) in report.importedIDs { stixOf[localID] = stixID }
        var writesOwnObjects = false
        for (localID, json) in report.modelObjects where released.contains(localID) {
            guard let json else {
                writesOwnObjects = true
                if let stixID = stixOf[localID] { base.insert(stixID) }
                continue
            }
            guard let stixID = json["id"]?.stringValue else { continue }
            if let refusal = granularRefusal(json, modelled: true) {
                withhold(localID, rule: refusal)
            } else {
                candidates.append(Candidate(stixID: stixID, localID: localID, json: json, kind: "", name: ""))
            }
        }
        if writesOwnObjects, let producer = stixOf[StableID.producerLocalID] { base.insert(producer) }
        var pendingDecisions: [(Int, SharingDecision)] = []
        var seen: Set<String> = []
        let repeated = Set(report.verbatimObjects.compactMap { $0["id"]?.stringValue }.filter { !seen.insert($0).inserted })
        for object in report.verbatimObjects where !Self.isSupport(object) {
            guard let id = object["id"]?.stringValue, let members = object.objectValue else { continue }
            let type = object["type"]?.stringValue ?? "object"
            let name = object["name"]?.stringValue ?? id
            var (isReleased, rule) = verdict.decide(
                ImportedJSON.marking(of: members, definitions: report.markingDefinitions) ?? defaultMarking)
            if repeated.contains(id) {
                (isReleased, rule) = (false, "the id '\(id)' appears more than once; none of its copies is released")
            } else if isReleased, let refusal = granularRefusal(object, modelled: false) {
                (isReleased, rule) = (false, refusal)
            }
            let decision = SharingDecision(kind: "imported \(type)", id: id, name: name, isReleased: isReleased, rule: rule)
            if isReleased {
                pendingDecisions.append((candidates.count, decision))
                candidates.append(Candidate(stixID: id, localID: nil, json: object, kind: type, name: name))
            } else {
                record(decision)
            }
        }
        let refusals = closure(candidates, base: base)
        for (position, candidate) in candidates.enumerated() {
            if let refusal = refusals[position], let localID = candidate.localID { withhold(localID, rule: refusal) }
        }
        for (position, var decision) in pendingDecisions {
            if let refusal = refusals[position] {
                decision.isReleased = false
                decision.rule = refusal
            } else {
                imported.verbatim.insert(candidates[position].stixID)
            }
            record(decision)
        }
        imported.releasedIDs = base
        for (position, candidate) in candidates.enumerated() where refusals[position] == nil {
            imported.releasedIDs.insert(candidate.stixID)
        }
    }

    /// The reference closure over the candidates, linear in their references: a candidate referring to
    /// anything that is neither in `base` nor a surviving candidate is withheld, and so in turn is every
    /// candidate referring to it. Returns the rule that withheld each, by position.
    private func closure(_ candidates: [Candidate], base: Set<String>) -> [Int: String] {
        var position: [String: Int] = [:]
        for (offset, candidate) in candidates.enumerated() { position[candidate.stixID] = offset }
        var dependents: [String: [Int]] = [:]
        var refusals: [Int: String] = [:]
        var queue: [Int] = []
        for (offset, candidate) in candidates.enumerated() {
            for ref in ImportedJSON.references(in: candidate.json) where ref != candidate.stixID {
                if base.contains(ref) { continue }
                if position[ref] != nil {
                    dependents[ref, default: []].append(offset)
                } else if refusals[offset] == nil {
                    refusals[offset] = "refers to '\(ref)', which the recipient does not receive"
                    queue.append(offset)
                }
            }
        }
        while let next = queue.popLast() {
            let id = candidates[next].stixID
            for dependent in dependents[id] ?? [] where refusals[dependent] == nil {
                refusals[dependent] = "refers to '\(id)', which the recipient does not receive"
                queue.append(dependent)
            }
        }
        return refusals
    }

    /// Why an imported link or membership may not go (a granular marking on an essential property, or a
    /// reference to something withheld); `nil` when it may.
    func importedRefusal(_ json: JSONValue?) -> String? {
        guard let json else { return nil }
        if let refusal = granularRefusal(json, modelled: true) { return refusal }
        for ref in ImportedJSON.references(in: json) where !imported.releasedIDs.contains(ref) {
            return "refers to '\(ref)', which the recipient does not receive"
        }
        return nil
    }

    /// Applies the granular markings of one imported object: a property whose marking does not release to
    /// the recipient is recorded for stripping; one the object cannot lose withholds the whole object.
    /// Modelled objects may lose only properties no other format reads (description, labels, `x_` ones).
    private func granularRefusal(_ json: JSONValue, modelled: Bool) -> String? {
        guard let id = json["id"]?.stringValue, let markings = json["granular_markings"]?.arrayValue else { return nil }
        var strip: Set<String> = []
        for granular in markings {
            guard let rule = withholdingRule(granular) else { continue }
            for selector in (granular["selectors"]?.arrayValue ?? []).compactMap(\.stringValue) {
                let key = ImportedDecisions.property(selector)
                // A selector whose property is not there as named (a dotted property name) cannot be stripped.
                guard json[key] != nil else { return "a granular marking on '\(selector)' withholds it: \(rule)" }
                let losable = !ImportedJSON.essential.contains(key)
                    && (!modelled || key == "description" || key == "labels" || key.hasPrefix("x_"))
                guard losable else { return "a granular marking on '\(selector)' withholds it: \(rule)" }
                strip.insert(key)
            }
        }
        if !strip.isEmpty { imported.stripped[id] = strip }
        return nil
    }

    /// Why a granular marking on the imported report withholds its narrative: any granular marking that does
    /// not release to the recipient does (the title and description are read from that object).
    func narrativeGranularRefusal(_ json: JSONValue) -> String? {
        for granular in json["granular_markings"]?.arrayValue ?? [] {
            if let rule = withholdingRule(granular) { return "a granular marking on the imported report withholds its narrative: \(rule)" }
        }
        return nil
    }

    /// The rule by which one granular marking withholds what it selects from the recipient; `nil` when it
    /// releases (a `lang` marking restricts nothing). A definition the input lacks is not understood.
    private func withholdingRule(_ granular: JSONValue) -> String? {
        guard let ref = granular["marking_ref"]?.stringValue else { return nil }
        let definition = report.markingDefinitions[ref] ?? MarkingDefinition(notUnderstood: "'\(ref)'")
        let (isReleased, rule) = verdict.decide(Marking(combining: [definition]))
        return isReleased ? nil : rule
    }

    /// The object as the recipient receives it, when a granular marking withholds some of its properties
    /// (`nil` when none): the JSON without them, and the model's description cleared if it was one of them.
    func strip(_ json: JSONValue?, description: inout String?) -> JSONValue? {
        guard let stripped = imported.strip(json) else { return nil }
        if stripped["description"] == nil { description = nil }
        return stripped
    }

    /// Marking and extension definitions: they go with the content that uses them, never on their own.
    static func isSupport(_ object: JSONValue) -> Bool {
        let type = object["type"]?.stringValue
        return type == "marking-definition" || type == "extension-definition"
    }

}
