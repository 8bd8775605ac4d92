import ExportCore

extension ThreatReport {
    /// The closure ``rewriteFreeText(_:)`` calls: a string of the report, its field path and its kind in, the
    /// string to keep out. For a URL, an empty string drops the URL.
    typealias TextRewrite = (_ text: String, _ path: String, _ kind: TextKind) -> String

    /// Passes every string of the report that a writer carries out through `body` with its field path and kind,
    /// and keeps what `body` returns: the title and narrative, the producer's name, sources (name, URL,
    /// description), names, aliases, descriptions, roles, goals, objectives, outcomes, impacts, link
    /// descriptions, evidence quotes (of objects, links and memberships), locations (name, region) and every
    /// open-vocabulary value. Ids, country codes, dates, numbers and closed enumerations are left alone;
    /// imported STIX kept verbatim is not visited here.
    mutating func rewriteFreeText(_ body: TextRewrite) {
        title = body(title, "title", .prose)
        description = description.map { body($0, "description", .prose) }
        producer.name = body(producer.name, "producer.name", .prose)
        for i in sources.indices {
            let path = "sources['\(sources[i].id)']"
            sources[i].name = body(sources[i].name, "\(path).name", .prose)
            sources[i].url = sources[i].url.map { body($0, "\(path).url", .url) }.flatMap { $0.isEmpty ? nil : $0 }
            sources[i].description = sources[i].description.map { body($0, "\(path).description", .prose) }
        }
        for i in actors.indices {
            let path = "actors['\(actors[i].id)']"
            actors[i].name = body(actors[i].name, "\(path).name", .prose)
            actors[i].aliases = Self.rewrite(actors[i].aliases, "\(path).aliases", body)
            actors[i].sectors = Self.rewrite(actors[i].sectors, "\(path).sectors", body)
            actors[i].roles = Self.rewrite(actors[i].roles, "\(path).roles", body)
            actors[i].description = actors[i].description.map { body($0, "\(path).description", .prose) }
            actors[i].evidence = Self.rewrite(actors[i].evidence, "\(path).evidence", body)
            if let threat = actors[i].threat { actors[i].threat = Self.rewrite(threat, path, body) }
            Self.rewrite(&actors[i].sponsoredBy, "\(path).sponsored_by", body)
        }
        Self.rewrite(&intrusionSets, "intrusion_sets", body)
        Self.rewrite(&campaigns, "campaigns", body)
        for i in partnerships.indices {
            let path = "partnerships['\(partnerships[i].id)']"
            partnerships[i].name = body(partnerships[i].name, "\(path).name", .prose)
            partnerships[i].aliases = Self.rewrite(partnerships[i].aliases, "\(path).aliases", body)
            partnerships[i].kind = Self.rewrite(partnerships[i].kind, "\(path).kind", body)
            partnerships[i].scope = Self.rewrite(partnerships[i].scope, "\(path).scope", body)
            for j in partnerships[i].members.indices {
                let member = "\(path).members['\(partnerships[i].members[j].member)']"
                var membership = partnerships[i].members[j]
                membership.role = membership.role.map { Self.rewrite($0, "\(member).role", body) }
                membership.evidence = Self.rewrite(membership.evidence, "\(member).evidence", body)
                partnerships[i].members[j] = membership
            }
            partnerships[i].description = partnerships[i].description.map { body($0, "\(path).description", .prose) }
            partnerships[i].evidence = Self.rewrite(partnerships[i].evidence, "\(path).evidence", body)
        }
        for i in incidents.indices { incidents[i].rewriteFreeText(body) }
        rewriteDetectionText(body)
    }

    private static func rewrite(_ threat: ThreatProfile, _ path: String, _ body: TextRewrite) -> ThreatProfile {
        var threat = threat
        threat.types = rewrite(threat.types, "\(path).threat_actor_types", body)
        threat.sophistication = threat.sophistication.map { rewrite($0, "\(path).sophistication", body) }
        threat.resourceLevel = threat.resourceLevel.map { rewrite($0, "\(path).resource_level", body) }
        threat.primaryMotivation = threat.primaryMotivation.map { rewrite($0, "\(path).primary_motivation", body) }
        threat.secondaryMotivations = rewrite(threat.secondaryMotivations, "\(path).secondary_motivations", body)
        threat.goals = rewrite(threat.goals, "\(path).goals", body)
        return threat
    }

    static func rewrite(_ links: inout [Link], _ path: String, _ body: TextRewrite) {
        for i in links.indices {
            links[i].description = links[i].description.map { body($0, "\(path)[\(i)].description", .prose) }
            links[i].evidence = rewrite(links[i].evidence, "\(path)[\(i)].evidence", body)
        }
    }

    private static func rewrite(_ activities: inout [Activity], _ list: String, _ body: TextRewrite) {
        for i in activities.indices {
            let path = "\(list)['\(activities[i].id)']"
            activities[i].name = body(activities[i].name, "\(path).name", .prose)
            activities[i].aliases = rewrite(activities[i].aliases, "\(path).aliases", body)
            activities[i].description = activities[i].description.map { body($0, "\(path).description", .prose) }
            activities[i].objective = activities[i].objective.map { body($0, "\(path).objective", .prose) }
            activities[i].evidence = rewrite(activities[i].evidence, "\(path).evidence", body)
            rewrite(&activities[i].attributedTo, "\(path).attributed_to", body)
            rewrite(&activities[i].targets, "\(path).targets", body)
        }
    }

    /// Each prose string of a list, with its index in the path.
    static func rewrite(_ texts: [String], _ path: String, _ body: TextRewrite) -> [String] {
        texts.enumerated().map { body($0.element, "\(path)[\($0.offset)]", .prose) }
    }

    static func rewrite<Value: OpenVocabulary>(_ value: Value, _ path: String, _ body: TextRewrite) -> Value {
        Value(body(value.rawValue, path, .vocabulary))
    }

    /// Each value of a vocabulary list; when redaction made two values alike (`withheld`), only the first stays,
    /// since the formats treat these lists as sets.
    static func rewrite<Value: OpenVocabulary>(_ values: [Value], _ path: String, _ body: TextRewrite) -> [Value] {
        let rewritten = values.enumerated().map { rewrite($0.element, "\(path)[\($0.offset)]", body) }
        guard rewritten != values else { return values }
        var seen: Set<Value> = []
        return rewritten.filter { seen.insert($0).inserted }
    }
}

extension Incident {
    /// The incident's part of ``ThreatReport/rewriteFreeText(_:)``: its title and narrative, its vocabulary
    /// values (kind, status, determination), where it happened, its evidence, and its links' descriptions and
    /// evidence.
    mutating func rewriteFreeText(_ body: ThreatReport.TextRewrite) {
        let path = "incidents['\(id)']"
        title = body(title, "\(path).title", .prose)
        kind = ThreatReport.rewrite(kind, "\(path).kind", body)
        status = ThreatReport.rewrite(status, "\(path).status", body)
        determination = ThreatReport.rewrite(determination, "\(path).determination", body)
        description = description.map { body($0, "\(path).description", .prose) }
        outcome = outcome.map { body($0, "\(path).outcome", .prose) }
        impacts = ThreatReport.rewrite(impacts, "\(path).impacts", body)
        evidence = ThreatReport.rewrite(evidence, "\(path).evidence", body)
        if let name = location?.name { location?.name = body(name, "\(path).where.name", .prose) }
        if let region = location?.region { location?.region = ThreatReport.rewrite(region, "\(path).where.region", body) }
        ThreatReport.rewrite(&attributedTo, "\(path).attributed_to", body)
        ThreatReport.rewrite(&targets, "\(path).targets", body)
        ThreatReport.rewrite(&responders, "\(path).responders", body)
        ThreatReport.rewrite(&supporters, "\(path).supporters", body)
    }
}
