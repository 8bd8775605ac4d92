extension ThreatReport {
    /// Every modelled object's local id with the STIX 2.1 JSON it was imported from (`nil` when authored), in
    /// one fixed order: actors, intrusion sets, campaigns, partnerships, incidents. The sharing policy, the name
    /// scan and the STIX 1.2 ids all walk this one list.
    package var modelObjects: [(id: String, imported: JSONValue?)] {
        actors.map { ($0.id, $0.imported) } + intrusionSets.map { ($0.id, $0.imported) }
            + campaigns.map { ($0.id, $0.imported) } + partnerships.map { ($0.id, $0.imported) }
            + incidents.map { ($0.id, $0.imported) }
    }
}
