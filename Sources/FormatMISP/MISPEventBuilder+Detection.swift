import ExportCore

/// Indicators, observables, malware and tools in MISP: an observable is an attribute of MISP's type for it (a
/// `file` object when it has a name or several digests), `to_ids` when a released indicator is based on it; an
/// indicator a `stix2-pattern` object; malware and tools clusters of misp-stix's `stix-2.1-malware` and
/// `stix-2.1-tool` galaxies. MAPPING.md gives the reasons.
extension MISPEventBuilder {
    /// Adds a detection item; `draft` already has its UUID, distribution and TLP tag.
    mutating func addDetection(_ item: MISPContext.Item, id: String, draft: MISPObjectDraft) {
        var draft = draft
        switch item {
        case .observable(let observable):
            // The view holds only released indicators, each based only on released observables.
            let toIDs = context.indicatorsBasedOn[id] != nil
            if observable.kind == .file, observable.hashes.count > 1 || observable.fileName != nil {
                draft.template = .file
                draft.add("filename", observable.fileName, type: "filename", category: Self.fileCategory)
                for hash in observable.hashes {
                    let type = Self.hashType(hash.algorithm)
                    draft.add(type, hash.value, type: type, category: Self.fileCategory, toIDs: toIDs)
                }
            } else if let (type, category, value) = Self.attribute(for: observable) {
                draft.add(type, value, type: type, category: category, toIDs: toIDs)
            } else {
                return
            }
        case .indicator(let indicator):
            guard indicator.patternType == .stix else { return }
            draft.template = .stix2Pattern
            draft.add(
                "stix2-pattern", indicator.pattern, type: "stix2-pattern", category: Self.category(of: indicator.pattern),
                toIDs: true)
            draft.add("comment", indicator.description, type: "comment", category: "Other")
            draft.add("version", "stix 2.1")
            draft.comment = Self.comment(draft.comment, indicator.name)
            draft.firstSeen = MISPJSON.isoDatetime(STIXTimestamp.start(indicator.validFrom))
            draft.lastSeen = indicator.validUntil.map { MISPJSON.isoDatetime(STIXTimestamp.end($0)) }
        case .malware(let malware):
            var meta: [String: [String]] = ["is_family": [malware.isFamily ? "true" : "false"]]
            if !malware.types.isEmpty { meta["malware_types"] = malware.types.map(\.rawValue) }
            if !malware.capabilities.isEmpty { meta["capabilities"] = malware.capabilities.map(\.rawValue) }
            addSoftwareCluster(id: id, galaxy: .malware, name: malware.name, description: malware.description,
                               aliases: malware.aliases, meta: meta, evidence: malware.evidence)
            return
        case .tool(let tool):
            let meta: [String: [String]] = tool.types.isEmpty ? [:] : ["tool_types": tool.types.map(\.rawValue)]
            addSoftwareCluster(id: id, galaxy: .tool, name: tool.name, description: tool.description,
                               aliases: tool.aliases, meta: meta, evidence: tool.evidence)
            return
        case .actor, .intrusionSet, .campaign, .partnership, .incident:
            return
        }
        draft.comment = Self.comment(draft.comment, Self.evidenceText(item.evidence))
        drafts[id] = draft
    }

    /// Counts what a detection item has that MISP gives no place to.
    mutating func countUncarriedDetection(_ item: MISPContext.Item) {
        switch item {
        case .indicator(let indicator):
            // A stix2-pattern object holds STIX patterning only; another language would be mislabelled.
            guard indicator.patternType == .stix else { return count("indicator with a pattern other than STIX") }
            if !indicator.types.isEmpty { count("indicator types") }
            if !indicator.killChainPhases.isEmpty { count("indicator kill-chain phases") }
            if indicator.confidence != nil { count("confidence of indicators, malware and tools") }
            if !indicator.sources.isEmpty { count("source citations") }
        case .observable(let observable):
            if observable.kind == .file, observable.hashes.isEmpty, observable.fileName == nil { count("observable") }
        case .malware(let malware):
            if malware.confidence != nil { count("confidence of indicators, malware and tools") }
            if !malware.sources.isEmpty { count("source citations") }
        case .tool(let tool):
            if tool.confidence != nil { count("confidence of indicators, malware and tools") }
            if !tool.sources.isEmpty { count("source citations") }
        case .actor, .intrusionSet, .campaign, .partnership, .incident:
            break
        }
    }

    /// The galaxy tag of a malware or tool cluster; `nil` for anything else.
    func softwareTag(_ id: String) -> String? {
        switch context.items[id] {
        case .malware(let malware): MISPGalaxy.malware.tagName(malware.name)
        case .tool(let tool): MISPGalaxy.tool.tagName(tool.name)
        default: nil
        }
    }

    private mutating func addSoftwareCluster(
        id: String, galaxy: MISPGalaxy, name: String, description: String?, aliases: [String],
        meta: [String: [String]], evidence: [String]
    ) {
        var meta = meta
        if !aliases.isEmpty { meta["synonyms"] = aliases }
        if !evidence.isEmpty { meta["evidence"] = evidence }
        addCluster(id: id, galaxy: galaxy, name: name, description: description, meta: meta)
    }

    /// Where MISP files digests: the model does not say whether a file was delivered or dropped, and
    /// "Payload delivery" is MISP's default category for every digest type.
    private static let fileCategory = "Payload delivery"

    private static func hashType(_ algorithm: HashAlgorithm) -> String {
        switch algorithm {
        case .md5: "md5"
        case .sha1: "sha1"
        case .sha256: "sha256"
        case .sha512: "sha512"
        }
    }

    /// The attribute an observable that needs no object becomes: type, category and value.
    private static func attribute(for observable: Observable) -> (String, String, String)? {
        switch observable.kind {
        // The model gives no direction: a reported address is one that hosts reach out to (`ip-dst`, which
        // takes a CIDR block too); ip-dst|port would need a port the model does not have.
        case .ipv4, .ipv6: observable.value.map { ("ip-dst", "Network activity", $0) }
        case .domain: observable.value.map { ("domain", "Network activity", $0) }
        case .url: observable.value.map { ("url", "Network activity", $0) }
        // Sender or recipient is not known, so the neutral `email`, filed where MISP puts delivery addresses.
        case .email: observable.value.map { ("email", "Payload delivery", $0) }
        case .file: observable.hashes.first.map { (hashType($0.algorithm), fileCategory, $0.value) }
        }
    }

    /// The category of a pattern: a file pattern is payload delivery, a network one network activity, anything
    /// else MISP's default for `stix2-pattern` (payload installation).
    private static func category(of pattern: String) -> String {
        if pattern.contains("file:") { return fileCategory }
        let network = ["ipv4-addr:", "ipv6-addr:", "domain-name:", "url:", "network-traffic:", "email-addr:"]
        return network.contains(where: pattern.contains) ? "Network activity" : "Payload installation"
    }
}
