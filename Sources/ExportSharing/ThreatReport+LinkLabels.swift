import ExportCore

extension ThreatReport {
    /// Gives every link and membership its label, once, for all writers: its own marking, else the stricter of
    /// its ends' effective markings (own, else the report default), as ``LinkMarking`` defines.
    ///
    /// ``ReleasedReport`` calls this on every view it holds, so no writer derives a link's label itself and the
    /// same link reads the same in STIX 2.1, STIX 1.2 and MISP.
    ///
    /// - Parameter narrowing: for a recipient's view, a link's own marking is also narrowed by its ends (the
    ///   stricter of the three): a CLEAR link between AMBER objects reaches only who sees both, and a label
    ///   saying CLEAR would invite re-sharing it wider. The producer's own export keeps the marking as authored.
    mutating func labelLinks(narrowing: Bool = false) {
        var markings: [String: Marking] = [:]
        func note(_ id: String, _ own: Marking?) { if let marking = own ?? defaultMarking { markings[id] = marking } }
        for actor in actors { note(actor.id, actor.marking) }
        for activity in intrusionSets + campaigns { note(activity.id, activity.marking) }
        for partnership in partnerships { note(partnership.id, partnership.marking) }
        for incident in incidents { note(incident.id, incident.marking) }
        for indicator in indicators { note(indicator.id, indicator.marking) }
        for observable in observables { note(observable.id, observable.marking) }
        for item in malware { note(item.id, item.marking) }
        for tool in tools { note(tool.id, tool.marking) }
        func label(own: Marking?, from source: String, to target: String) -> Marking? {
            let ends = LinkMarking.stricter(markings[source], markings[target])
            guard let own else { return ends }
            return narrowing ? LinkMarking.stricter(own, ends) : own
        }
        func label(_ links: inout [Link], from source: String) {
            for index in links.indices {
                links[index].label = label(own: links[index].marking, from: source, to: links[index].ref)
            }
        }
        for index in actors.indices { label(&actors[index].sponsoredBy, from: actors[index].id) }
        for index in intrusionSets.indices {
            label(&intrusionSets[index].attributedTo, from: intrusionSets[index].id)
            label(&intrusionSets[index].targets, from: intrusionSets[index].id)
        }
        for index in campaigns.indices {
            label(&campaigns[index].attributedTo, from: campaigns[index].id)
            label(&campaigns[index].targets, from: campaigns[index].id)
        }
        for index in incidents.indices {
            let id = incidents[index].id
            label(&incidents[index].attributedTo, from: id)
            label(&incidents[index].targets, from: id)
            label(&incidents[index].responders, from: id)
            label(&incidents[index].supporters, from: id)
        }
        for index in indicators.indices {
            label(&indicators[index].indicates, from: indicators[index].id)
            label(&indicators[index].basedOn, from: indicators[index].id)
        }
        for index in observables.indices { label(&observables[index].involvedIn, from: observables[index].id) }
        for index in malware.indices { label(&malware[index].usedBy, from: malware[index].id) }
        for index in tools.indices { label(&tools[index].usedBy, from: tools[index].id) }
        for index in partnerships.indices {
            let id = partnerships[index].id
            for member in partnerships[index].members.indices {
                let membership = partnerships[index].members[member]
                partnerships[index].members[member].label = label(own: membership.marking, from: membership.member, to: id)
            }
        }
    }
}
