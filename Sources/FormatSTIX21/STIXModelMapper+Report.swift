import ExportCore
import ExportSharing

/// Building the report: which objects become what, in bundle order.
extension STIXModelMapper {
    private enum Role { case actor, intrusionSet, campaign, partnership, incident, indicator, observable, malware, tool }

    private func role(of object: Object) -> Role? {
        let type = Self.string(object, "type")
        if let type, type == "indicator" || type == "malware" || type == "tool" || ObservableKind(rawValue: type) != nil {
            guard STIXDetectionFit.fits(object) else { return nil }
            return type == "indicator" ? .indicator : type == "malware" ? .malware : type == "tool" ? .tool : .observable
        }
        switch type {
        case "threat-actor": return .actor
        case "intrusion-set": return .intrusionSet
        case "campaign": return .campaign
        case "incident": return .incident
        case "identity":
            let ext = Self.ext(object, .object)
            if ext["producer"] == .bool(true) || Self.string(object, "id") == STIXExtensionDefinition.creatorID { return nil }
            return object["extensions"]?[STIXExtensionDefinition.partnership.id] != nil ? .partnership : .actor
        default: return nil
        }
    }

    /// The report, or `nil` when the bundle has no date to give it (no report and no timestamps).
    mutating func report() -> ThreatReport? {
        let roles = all.map { role(of: $0) }
        for (object, role) in zip(all, roles) where role != nil {
            if let id = Self.string(object, "id") {
                localIDs[id] = localID(object)
                consumed.insert(id)
            }
        }
        let reports = all.filter { Self.string($0, "type") == "report" }
        let source = reports.count == 1 ? reports[0] : nil
        guard let published = source.flatMap({ Self.date($0, "published") }) ?? latestDate() else { return nil }
        var report = ThreatReport(
            title: source.flatMap { Self.string($0, "name") } ?? "Imported STIX 2.1 bundle",
            published: published, producer: producer())
        if !isOurs {
            report.stixImport = STIXImport(
                bundleID: bundleID, report: source.map(JSONValue.object), isSynthetic: source == nil)
        }
        if let source {
            consumed.insert(Self.string(source, "id") ?? "")
            report.description = Self.string(source, "description")
            report.formatVersion = Self.string(Self.ext(source, .object), "format_version") ?? ThreatReport.currentFormatVersion
            let own = marking(refs: Self.strings(source, "object_marking_refs"))
            if let refs = Self.ext(source, .object)["default_marking_refs"]?.arrayValue {
                report.defaultMarking = marking(refs: refs.compactMap(\.stringValue))
                report.marking = own
            } else {
                report.defaultMarking = own
            }
            defaultMarking = report.defaultMarking
            report.sources = (source["external_references"]?.arrayValue ?? []).compactMap(Self.source)
        }
        for (object, role) in zip(all, roles) {
            switch role {
            case .actor: report.actors.append(actor(object, default: report.defaultMarking))
            case .intrusionSet: report.intrusionSets.append(activity(object))
            case .campaign: report.campaigns.append(activity(object))
            case .partnership: report.partnerships.append(partnership(object))
            case .incident: report.incidents.append(incident(object))
            case .indicator: if let indicator = indicator(object) { report.indicators.append(indicator) }
            case .observable: if let observable = observable(object) { report.observables.append(observable) }
            case .malware: report.malware.append(malware(object))
            case .tool: report.tools.append(tool(object))
            case nil: break
            }
        }
        // Sources cited by imported objects join the report's list, so every format can name them.
        var known = Set(report.sources.map(\.id))
        for object in all where localIDs[Self.string(object, "id") ?? ""] != nil {
            for reference in object["external_references"]?.arrayValue ?? [] {
                if let source = Self.source(reference), known.insert(source.id).inserted { report.sources.append(source) }
            }
        }
        report.verbatimObjects = all.filter { object in
            guard let id = Self.string(object, "id"), !consumed.contains(id) else { return false }
            switch Self.string(object, "type") {
            case "marking-definition": return !Self.isRegenerated(object)
            case "extension-definition": return !STIXExtensionDefinition.ours.contains { $0.id == id }
            case "identity":
                return id != STIXExtensionDefinition.creatorID && Self.ext(object, .object)["producer"] != .bool(true)
            case "location", "relationship": return Self.ext(object, .object)["derived"] != .bool(true)
            default: return true
            }
        }.map(JSONValue.object)
        // What the sharing policy needs to decide content kept as it came; a bundle exportctl wrote with
        // nothing added needs neither, and reads back equal to the report it was written from.
        if !isOurs || !report.verbatimObjects.isEmpty || keepsOwnRelationships {
            report.markingDefinitions = markingDefinitions()
            report.importedIDs = localIDs
            if let producerRef { report.importedIDs[producerRef] = StableID.producerLocalID }
        }
        return report
    }

    private func producer() -> Producer {
        if let identity = all.first(where: { Self.ext($0, .object)["producer"] == .bool(true) }) {
            return Producer(id: localID(identity), name: Self.string(identity, "name") ?? "")
        }
        let creator = all.compactMap { Self.string($0, "created_by_ref") }.first
        let name = creator.flatMap { object($0) }.flatMap { Self.string($0, "name") }
        return Producer(id: creator ?? "stix-import", name: name ?? "STIX import")
    }

    /// The synthetic report's date: the latest `modified` (or `created`) day in the bundle.
    private func latestDate() -> PartialDate? {
        let stamps = all.compactMap { Self.string($0, "modified") ?? Self.string($0, "created") }
        return stamps.max().flatMap(STIXTimestamp.date(of:))
    }

    private static func source(_ reference: JSONValue) -> Source? {
        guard let name = reference["source_name"]?.stringValue else { return nil }
        return Source(
            id: reference["external_id"]?.stringValue ?? name, name: name, url: reference["url"]?.stringValue,
            sha256: reference["hashes"]?["SHA-256"]?.stringValue, description: reference["description"]?.stringValue)
    }
}
