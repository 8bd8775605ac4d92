/// The report's statements and the quotes that support them, for checks and for formats that count what
/// they cannot carry.
extension ThreatReport {
    /// One object, link or membership of the report with its evidence.
    package struct EvidencedItem: Hashable, Sendable {
        /// Where the item is, in the authoring format's terms: `actors['usa']`,
        /// `actors['x'].sponsored_by['china']`, `partnerships['quad'].members['usa']`.
        package var path: String
        /// The quotes that support it; empty when nothing does.
        package var evidence: [String]
    }

    /// Every object, link and membership of the report, in report order, with its evidence.
    package var evidencedItems: [EvidencedItem] {
        var items: [EvidencedItem] = []
        func add(_ path: String, _ evidence: [String], links: [(String, [Link])] = []) {
            items.append(EvidencedItem(path: path, evidence: evidence))
            for (key, list) in links {
                for link in list { items.append(EvidencedItem(path: "\(path).\(key)['\(link.ref)']", evidence: link.evidence)) }
            }
        }
        for actor in actors { add("actors['\(actor.id)']", actor.evidence, links: [("sponsored_by", actor.sponsoredBy)]) }
        for (list, activities) in [("intrusion_sets", intrusionSets), ("campaigns", campaigns)] {
            for activity in activities {
                add("\(list)['\(activity.id)']", activity.evidence,
                    links: [("attributed_to", activity.attributedTo), ("targets", activity.targets)])
            }
        }
        for partnership in partnerships {
            add("partnerships['\(partnership.id)']", partnership.evidence)
            for member in partnership.members {
                add("partnerships['\(partnership.id)'].members['\(member.member)']", member.evidence)
            }
        }
        for incident in incidents {
            add("incidents['\(incident.id)']", incident.evidence,
                links: [("attributed_to", incident.attributedTo), ("targets", incident.targets),
                        ("responders", incident.responders), ("supporters", incident.supporters)])
        }
        return items
    }
}
