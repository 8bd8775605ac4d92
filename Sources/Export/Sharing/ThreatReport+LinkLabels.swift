extension ThreatReport {
    /// Gives every link and membership its label, once, for all writers: its own marking, else the stricter of
    /// its ends' effective markings (own, else the report default), as ``LinkMarking`` defines.
    ///
    /// ``ReleasedReport`` calls this on every view it holds, so no writer derives a link's label itself and the
    /// same link reads the same in STIX 2.1, STIX 1.2 and MISP.
    mutating func labelLinks() {
        var markings: [String: Marking] = [:]
        func note(_ id: String, _ own: Marking?) { if let marking = own ?? defaultMarking { markings[id] = marking } }
        for actor in actors { note(actor.id, actor.marking) }
        for activity in intrusionSets + campaigns { note(activity.id, activity.marking) }
        for partnership in partnerships { note(partnership.id, partnership.marking) }
        for incident in incidents { note(incident.id, incident.marking) }
        func label(_ links: inout [Link], from source: String) {
            for index in links.indices {
                links[index].label = LinkMarking.effective(
                    own: links[index].marking, from: markings[source], to: markings[links[index].ref])
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
        for index in partnerships.indices {
            let id = partnerships[index].id
            for member in partnerships[index].members.indices {
                let membership = partnerships[index].members[member]
                partnerships[index].members[member].label = LinkMarking.effective(
                    own: membership.marking, from: markings[membership.member], to: markings[id])
            }
        }
    }
}
