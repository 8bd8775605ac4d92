import ExportCore

extension MISPEventBuilder {
    /// Adds one report object as what MISP has for it.
    mutating func addObject(_ id: String) {
        guard let item = context.items[id] else { return }
        var draft = MISPObjectDraft(template: nil, uuid: uuid(of: id))
        if uuid(of: id) != context.uuid(of: id) { draft.comment = "Copy of \(context.uuid(of: id) ?? id) (exportctl)" }
        if context.identities.repeatsAnotherUUID(id), let stixID = context.identities.identity(of: id)?.stixID {
            draft.comment = Self.comment(draft.comment, "STIX id \(stixID), whose UUID another object of the report has (exportctl)")
        }
        let tlp = context.marking(of: id).tlp
        if tlp != spec.marking.tlp { draft.tlpTag = tlp }
        draft.distribution = distribution(audience(of: id))
        // Count what MISP cannot carry once, in the object's home event, not in every copy.
        if homes[id] == spec.uuid { countUncarried(item) }
        switch item {
        case .actor(let actor) where actor.kind == .threatActor:
            addCluster(actor)
            return
        case .indicator, .observable, .malware, .tool:
            addDetection(item, id: id, draft: draft)
            return
        case .actor(let actor) where actor.kind == .individual:
            draft.template = .person
            draft.add("full-name", actor.name)
            for alias in actor.aliases { draft.add("alias", alias) }
            draft.add("function", actor.roles.isEmpty ? nil : actor.roles.joined(separator: "; "))
            draft.add("nationality", actor.country?.name)
            draft.add("text", actor.description)
        case .actor(let actor):
            draft.template = .organization
            draft.add("name", actor.name)
            for alias in actor.aliases { draft.add("alias", alias) }
            draft.add("type-of-organization", Self.organisationType(actor.kind))
            draft.add("address", actor.country?.name)
            for sector in actor.sectors { draft.add("sector", sector.rawValue) }
            draft.add("description", Self.describe(actor.description, roles: actor.roles))
            draft.add("misp-uuid", actor.mispOrganisationUUID)
        case .partnership(let partnership):
            draft.template = .organization
            draft.add("name", partnership.name)
            for alias in partnership.aliases { draft.add("alias", alias) }
            draft.add("type-of-organization", "alliance")
            var facts = ["Kind: \(partnership.kind.rawValue)."]
            if !partnership.scope.isEmpty { facts.append("Scope: \(partnership.scope.map(\.rawValue).joined(separator: ", ")).") }
            if let established = partnership.established { facts.append("Established: \(established).") }
            draft.add("description", ([partnership.description].compactMap { $0 } + facts).joined(separator: " "))
        case .intrusionSet(let set):
            draft.template = .intrusionSet
            draft.add("name", set.name)
            for alias in set.aliases { draft.add("aliases", alias) }
            draft.add("description", set.description)
            draft.add("goals", set.objective)
            draft.add("first_seen", set.firstSeen.map { MISPJSON.datetime(STIXTimestamp.start($0)) }, type: "datetime")
            draft.add("last_seen", set.lastSeen.map { MISPJSON.datetime(STIXTimestamp.end($0)) }, type: "datetime")
        case .campaign(let campaign):
            draft.add("campaign-name", campaign.name, type: "campaign-name")
            draft.comment = campaign.description ?? ""
        case .incident(let incident):
            draft.template = .incident
            draft.add("name", incident.title)
            draft.add("description", incident.description)
            draft.add("incident_type", incident.kind.rawValue)
            draft.add("determination", incident.determination.rawValue)
            draft.add("investigation_status", Self.investigationStatus(incident.status))
        }
        draft.comment = Self.comment(draft.comment, Self.evidenceText(item.evidence))
        drafts[id] = draft
    }

    private mutating func addCluster(_ actor: Actor) {
        var meta: [String: [String]] = [:]
        if let country = actor.country { meta["country"] = [country.alpha2] }
        if !actor.aliases.isEmpty { meta["synonyms"] = actor.aliases }
        if let confidence = actor.confidence { meta["attribution-confidence"] = [String(confidence)] }
        if let threat = actor.threat {
            if !threat.goals.isEmpty { meta["goals"] = threat.goals }
            if !threat.types.isEmpty { meta["threat-actor-types"] = threat.types.map(\.rawValue) }
        }
        if !actor.evidence.isEmpty { meta["evidence"] = actor.evidence }
        addCluster(id: actor.id, galaxy: .threatActor, name: actor.name, description: actor.description, meta: meta)
    }

    /// Adds a galaxy cluster under the object's UUID, and its tag.
    mutating func addCluster(
        id: String, galaxy: MISPGalaxy, name: String, description: String?, meta: [String: [String]]
    ) {
        let tag = galaxy.tagName(name)
        var cluster: [String: JSONValue] = [
            "uuid": .string(context.uuid(of: id) ?? id), "type": .string(galaxy.type),
            "value": .string(name), "tag_name": .string(tag),
            "description": .string(description ?? name), "source": .string(context.report.producer.name),
            "authors": .array([.string(context.report.producer.name)]), "version": "1", "default": .bool(false),
            "local": .bool(false), "collection_uuid": "",
        ]
        cluster.merge(distribution(audience(of: id), inheritable: false)) { _, new in new }
        clusters[id] = cluster
        clusterMeta[id] = meta
        // The cluster's tag goes on the event only if everyone who sees the event may see the object;
        // otherwise an attribute with the object's own distribution carries it.
        let mine = audience(of: id)
        if mine.covers(eventAudience), context.marking(of: id).tlp <= spec.marking.tlp {
            if !eventTags.contains(tag) { eventTags.append(tag) }
        } else {
            extraAttributes.append(
                MISPJSON.attribute(
                    uuid: StableID.uuid5(namespace: uuid(of: id), name: "misp-\(galaxy.type)|" + spec.uuid),
                    relation: nil, type: galaxy.attributeType, category: galaxy.attributeCategory, value: name,
                    timestamp: context.timestamp, distribution: distribution(mine),
                    tags: [MISPJSON.tlpTag(context.marking(of: id).tlp), MISPJSON.tag(tag)]))
        }
    }

    /// Counts what the object has that MISP gives no place to.
    private mutating func countUncarried(_ item: MISPContext.Item) {
        switch item {
        case .actor(let actor):
            if actor.confidence != nil, actor.kind != .threatActor { count("confidence of actors other than threat actors") }
            if !actor.sources.isEmpty { count("source citations") }
            if let threat = actor.threat,
                threat.sophistication != nil || threat.resourceLevel != nil || threat.primaryMotivation != nil
                    || !threat.secondaryMotivations.isEmpty
            {
                count("threat actor sophistication, resource level or motivation")
            }
        case .intrusionSet(let set), .campaign(let set):
            if set.confidence != nil { count("confidence of intrusion sets and campaigns") }
            if case .campaign = item, set.firstSeen != nil || set.lastSeen != nil { count("first/last seen of campaigns") }
            if case .campaign = item, set.objective != nil { count("campaign objective") }
            if !set.sources.isEmpty { count("source citations") }
        case .partnership(let partnership):
            if partnership.confidence != nil { count("confidence of partnerships") }
            if !partnership.sources.isEmpty { count("source citations") }
        case .incident(let incident):
            if !incident.sources.isEmpty { count("source citations") }
            if incident.location?.latitude != nil { count("incident coordinates") }
        case .indicator, .observable, .malware, .tool:
            countUncarriedDetection(item)
        }
    }

    func renderCluster(_ cluster: [String: JSONValue], id: String) -> JSONValue {
        var cluster = cluster
        let meta = clusterMeta[id] ?? [:]
        cluster["meta"] = .object(meta.mapValues { .array($0.map { .string($0) }) })
        // A cluster relation repeats its cluster's distribution: it says something about the cluster, and PyMISP
        // wants a sharing group on a relation whose distribution is 4.
        let relations = (clusterRelations[id] ?? []).map { relation -> JSONValue in
            var fields: [String: JSONValue] = [
                "galaxy_cluster_uuid": cluster["uuid"] ?? .null, "referenced_galaxy_cluster_uuid": .string(relation.target),
                "referenced_galaxy_cluster_type": .string(relation.type),
            ]
            for key in ["distribution", "sharing_group_id", "SharingGroup"] { fields[key] = cluster[key] }
            return .object(fields)
        }
        if !relations.isEmpty { cluster["GalaxyClusterRelation"] = .array(relations) }
        return .object(cluster)
    }

    private static func organisationType(_ kind: ActorKind) -> String {
        switch kind {
        case .state: "state"
        case .agency: "government agency"
        case .organization: "organisation"
        case .individual, .threatActor: kind.rawValue
        }
    }

    private static func describe(_ description: String?, roles: [String]) -> String? {
        let roleText = roles.isEmpty ? nil : "Roles: \(roles.joined(separator: "; "))."
        let parts = [description, roleText].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    private static func investigationStatus(_ status: IncidentStatus) -> String {
        switch status {
        case .new: "new"
        case .closed, .rejected: "closed"
        default: "open"
        }
    }
}
