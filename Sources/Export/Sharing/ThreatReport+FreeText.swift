extension ThreatReport {
    /// Passes every free-text string of the report (titles, names, aliases, descriptions, roles, goals, outcomes,
    /// impacts, link descriptions, location names, sources) through `body` with its field path, and keeps what
    /// `body` returns. Ids, codes and vocabulary values are not free text and are left alone.
    mutating func rewriteFreeText(_ body: (_ text: String, _ path: String) -> String) {
        title = body(title, "title")
        description = description.map { body($0, "description") }
        for i in sources.indices {
            sources[i].name = body(sources[i].name, "sources['\(sources[i].id)'].name")
            sources[i].description = sources[i].description.map { body($0, "sources['\(sources[i].id)'].description") }
        }
        for i in actors.indices {
            let path = "actors['\(actors[i].id)']"
            actors[i].name = body(actors[i].name, "\(path).name")
            actors[i].aliases = actors[i].aliases.enumerated().map { body($0.element, "\(path).aliases[\($0.offset)]") }
            actors[i].roles = actors[i].roles.enumerated().map { body($0.element, "\(path).roles[\($0.offset)]") }
            actors[i].description = actors[i].description.map { body($0, "\(path).description") }
            if let goals = actors[i].threat?.goals {
                actors[i].threat?.goals = goals.enumerated().map { body($0.element, "\(path).goals[\($0.offset)]") }
            }
            Self.rewrite(&actors[i].sponsoredBy, "\(path).sponsored_by", body)
        }
        Self.rewrite(&intrusionSets, "intrusion_sets", body)
        Self.rewrite(&campaigns, "campaigns", body)
        for i in partnerships.indices {
            let path = "partnerships['\(partnerships[i].id)']"
            partnerships[i].name = body(partnerships[i].name, "\(path).name")
            partnerships[i].aliases = partnerships[i].aliases.enumerated().map { body($0.element, "\(path).aliases[\($0.offset)]") }
            partnerships[i].description = partnerships[i].description.map { body($0, "\(path).description") }
        }
        for i in incidents.indices {
            let path = "incidents['\(incidents[i].id)']"
            incidents[i].title = body(incidents[i].title, "\(path).title")
            incidents[i].description = incidents[i].description.map { body($0, "\(path).description") }
            incidents[i].outcome = incidents[i].outcome.map { body($0, "\(path).outcome") }
            incidents[i].impacts = incidents[i].impacts.enumerated().map { body($0.element, "\(path).impacts[\($0.offset)]") }
            if let name = incidents[i].location?.name { incidents[i].location?.name = body(name, "\(path).where.name") }
            Self.rewrite(&incidents[i].attributedTo, "\(path).attributed_to", body)
            Self.rewrite(&incidents[i].targets, "\(path).targets", body)
            Self.rewrite(&incidents[i].responders, "\(path).responders", body)
            Self.rewrite(&incidents[i].supporters, "\(path).supporters", body)
        }
    }

    private static func rewrite(_ links: inout [Link], _ path: String, _ body: (String, String) -> String) {
        for i in links.indices {
            links[i].description = links[i].description.map { body($0, "\(path)[\(i)].description") }
        }
    }

    private static func rewrite(_ activities: inout [Activity], _ list: String, _ body: (String, String) -> String) {
        for i in activities.indices {
            let path = "\(list)['\(activities[i].id)']"
            activities[i].name = body(activities[i].name, "\(path).name")
            activities[i].aliases = activities[i].aliases.enumerated().map { body($0.element, "\(path).aliases[\($0.offset)]") }
            activities[i].description = activities[i].description.map { body($0, "\(path).description") }
            activities[i].objective = activities[i].objective.map { body($0, "\(path).objective") }
            rewrite(&activities[i].attributedTo, "\(path).attributed_to", body)
            rewrite(&activities[i].targets, "\(path).targets", body)
        }
    }
}
