import ExportCore

/// The last step for imported content: the verbatim objects the recipient receives, the definitions they
/// use, and the imported `report` object cut down to what the recipient receives.
extension ViewBuilder {
    func finishImported(_ view: inout ThreatReport) {
        var content: [JSONValue] = []
        for object in report.verbatimObjects where !Self.isSupport(object) {
            guard let id = object["id"]?.stringValue, imported.verbatim.contains(id) else { continue }
            content.append(imported.strip(object) ?? object)
        }
        view.stixImport = importedReport(view, content: content)
        var used: Set<String> = []
        var json = content + [view.stixImport?.report].compactMap { $0 }
        json += view.actors.compactMap(\.imported) + view.intrusionSets.compactMap(\.imported)
            + view.campaigns.compactMap(\.imported) + view.partnerships.compactMap(\.imported)
            + view.incidents.compactMap(\.imported)
        json += view.actors.flatMap(\.sponsoredBy).compactMap(\.imported)
        json += (view.intrusionSets + view.campaigns).flatMap { $0.attributedTo + $0.targets }.compactMap(\.imported)
        json += view.incidents.flatMap { $0.attributedTo + $0.targets + $0.responders + $0.supporters }.compactMap(\.imported)
        json += view.partnerships.flatMap(\.members).compactMap(\.imported)
        json += view.indicators.compactMap(\.imported) + view.observables.compactMap(\.imported)
            + view.malware.compactMap(\.imported) + view.tools.compactMap(\.imported)
        json += view.indicators.flatMap { $0.indicates + $0.basedOn }.compactMap(\.imported)
        json += view.observables.flatMap(\.involvedIn).compactMap(\.imported)
        json += (view.malware.flatMap(\.usedBy) + view.tools.flatMap(\.usedBy)).compactMap(\.imported)
        for value in json {
            guard let object = value.objectValue else { continue }
            used.formUnion(ImportedJSON.markingRefs(of: object))
            used.formUnion(ImportedJSON.extensionRefs(of: object))
        }
        var support: [JSONValue] = []
        let listed = listedIDs(view)
        for object in report.verbatimObjects where Self.isSupport(object) {
            guard let id = object["id"]?.stringValue else { continue }
            var (isReleased, rule) = used.contains(id)
                ? (true, "used by content the recipient receives") : (false, "used by nothing the recipient receives")
            if isReleased, let members = object.objectValue {
                // A definition carries text and references of its own: they must be releasable too.
                if let own = ImportedJSON.marking(of: members, definitions: report.markingDefinitions),
                    !verdict.decide(own).isReleased
                {
                    (isReleased, rule) = (false, "its own marking withholds it")
                } else if !(members["granular_markings"]?.arrayValue ?? []).isEmpty {
                    (isReleased, rule) = (false, "it carries granular markings")
                } else if let ref = ImportedJSON.references(in: object).first(where: { !listed.contains($0) }) {
                    (isReleased, rule) = (false, "refers to '\(ref)', which the recipient does not receive")
                }
            }
            record(SharingDecision(
                kind: "imported \(object["type"]?.stringValue ?? "definition")", id: id,
                name: object["name"]?.stringValue ?? id, isReleased: isReleased, rule: rule))
            if isReleased { support.append(object) }
        }
        view.verbatimObjects = content + support
    }

    /// The STIX ids the recipient receives, verbatim content included.
    private func listedIDs(_ view: ThreatReport) -> Set<String> {
        var listed = imported.releasedIDs
        for object in view.verbatimObjects { if let id = object["id"]?.stringValue { listed.insert(id) } }
        listed.formUnion(imported.verbatim)
        return listed
    }

    /// The imported report object as the recipient may see it: its `object_refs` cut to what the recipient
    /// receives, its sources to the released ones, and a neutral form (name, dates, list) when the recipient
    /// may not see its narrative or a granular marking withholds part of it. No report when nothing is listed.
    private func importedReport(_ view: ThreatReport, content: [JSONValue]) -> STIXImport? {
        guard var record = report.stixImport, let original = record.report?.objectValue else { return report.stixImport }
        var listed = imported.releasedIDs
        for object in content { if let id = object["id"]?.stringValue { listed.insert(id) } }
        let refs = (original["object_refs"]?.arrayValue ?? []).filter { $0.stringValue.map(listed.contains) ?? false }
        guard !refs.isEmpty else {
            record.report = nil
            record.isSynthetic = true
            return record
        }
        let otherRefs = ImportedJSON.references(in: .object(original), skipping: ["object_refs", "created_by_ref"])
        let hasGranular = !(original["granular_markings"]?.arrayValue ?? []).isEmpty
        var object: [String: JSONValue]
        if imported.narrativeWithheld || hasGranular || otherRefs.contains(where: { !listed.contains($0) }) {
            object = original.filter { ["type", "spec_version", "id", "created", "modified", "published", "report_types"].contains($0.key) }
            object["name"] = .string(Self.neutralTitle(report.producer))
        } else {
            object = original
            let sources = Set(view.sources.map(\.id))
            let references = (original["external_references"]?.arrayValue ?? []).filter { reference in
                guard let id = reference["external_id"]?.stringValue ?? reference["source_name"]?.stringValue else { return false }
                return sources.contains(id)
            }
            object["external_references"] = references.isEmpty ? nil : .array(references)
        }
        if let creator = original["created_by_ref"]?.stringValue, listed.contains(creator) {
            object["created_by_ref"] = .string(creator)
        } else {
            object["created_by_ref"] = nil
        }
        object["object_refs"] = .array(refs)
        record.report = .object(object)
        return record
    }
}
