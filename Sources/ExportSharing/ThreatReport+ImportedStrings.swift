import ExportCore

extension ThreatReport {
    /// Passes every string of the imported STIX JSON a view carries (verbatim objects, the JSON behind
    /// imported model objects, links and memberships, the imported report) through `body` with its path and
    /// kind, keeping what `body` returns; `nil` removes the property (a URL that cannot be redacted in place).
    /// Ids, references, types and timestamps are not content and are left alone (``ImportedJSON``).
    mutating func rewriteImportedStrings(_ body: (_ text: String, _ path: String, _ kind: TextKind) -> String?) {
        func rewrite(_ json: JSONValue?) -> JSONValue? {
            guard let json else { return nil }
            let path = "imported \(json["type"]?.stringValue ?? "object") '\(json["id"]?.stringValue ?? "")'"
            return ImportedJSON.rewriteStrings(json, path: path) { text, path, key in body(text, path, Self.kind(of: key)) }
        }
        func rewrite(_ links: inout [Link]) {
            for index in links.indices where links[index].imported != nil { links[index].imported = rewrite(links[index].imported) }
        }
        verbatimObjects = verbatimObjects.map { rewrite($0) ?? $0 }
        if let report = stixImport?.report { stixImport?.report = rewrite(report) }
        for index in actors.indices {
            actors[index].imported = rewrite(actors[index].imported)
            rewrite(&actors[index].sponsoredBy)
        }
        for index in intrusionSets.indices {
            intrusionSets[index].imported = rewrite(intrusionSets[index].imported)
            rewrite(&intrusionSets[index].attributedTo)
            rewrite(&intrusionSets[index].targets)
        }
        for index in campaigns.indices {
            campaigns[index].imported = rewrite(campaigns[index].imported)
            rewrite(&campaigns[index].attributedTo)
            rewrite(&campaigns[index].targets)
        }
        for index in partnerships.indices {
            partnerships[index].imported = rewrite(partnerships[index].imported)
            for member in partnerships[index].members.indices where partnerships[index].members[member].imported != nil {
                partnerships[index].members[member].imported = rewrite(partnerships[index].members[member].imported)
            }
        }
        for index in incidents.indices {
            incidents[index].imported = rewrite(incidents[index].imported)
            rewrite(&incidents[index].attributedTo)
            rewrite(&incidents[index].targets)
            rewrite(&incidents[index].responders)
            rewrite(&incidents[index].supporters)
        }
        func rewrite<Item>(_ items: inout [Item], _ imported: WritableKeyPath<Item, JSONValue?>,
                           links: [WritableKeyPath<Item, [Link]>]) {
            for index in items.indices {
                items[index][keyPath: imported] = rewrite(items[index][keyPath: imported])
                for list in links { rewrite(&items[index][keyPath: list]) }
            }
        }
        rewrite(&indicators, \.imported, links: [\.indicates, \.basedOn])
        rewrite(&observables, \.imported, links: [\.involvedIn])
        rewrite(&malware, \.imported, links: [\.usedBy])
        rewrite(&tools, \.imported, links: [\.usedBy])
    }

    /// Open-vocabulary properties of STIX 2.1 (and common custom ones): a whole value is one term.
    private static func kind(of key: String) -> TextKind {
        // A selector naming a withheld property leaves with the property (the list element goes, like a URL).
        if key == "url" || key == "selectors" { return .url }
        if key.hasSuffix("_types") || key.hasSuffix("_type") || key.hasSuffix("_class") || key.hasSuffix("_level")
            || ["labels", "sectors", "sophistication", "primary_motivation", "secondary_motivations", "personal_motivations",
                "kill_chain_name", "phase_name", "capabilities", "implementation_languages", "region", "country",
                "architecture_execution_envs", "roles", "threat_actor_roles", "lang"].contains(key)
        {
            return .vocabulary
        }
        return .prose
    }
}
