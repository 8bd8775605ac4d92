import ExportCore

extension MISPContext {
    /// One link of the model, with the MISP relationship it becomes.
    struct OutgoingLink {
        /// The link.
        var link: Link
        /// The relationship, read from the source to the target.
        var relationship: String
        /// The narrative section it is listed under, for incidents.
        var section: String
    }

    /// Every link leaving an object, in model order.
    func links(from id: String) -> [OutgoingLink] {
        switch items[id] {
        case .actor(let actor):
            return actor.sponsoredBy.map { OutgoingLink(link: $0, relationship: "sponsored-by", section: "") }
                + usesLinks(from: id)
        case .intrusionSet(let set), .campaign(let set):
            return set.attributedTo.map { OutgoingLink(link: $0, relationship: "attributed-to", section: "") }
                + set.targets.map { OutgoingLink(link: $0, relationship: "targets", section: "") } + usesLinks(from: id)
        case .partnership(let partnership):
            // Membership links point from the partnership to its members; MISP reads them the other way.
            return partnership.members.map {
                var link = Link($0.member, marking: $0.marking, description: Self.describe($0))
                link.evidence = $0.evidence
                return OutgoingLink(link: link, relationship: "has-member", section: "")
            }
        case .incident(let incident):
            return incident.attributedTo.map { OutgoingLink(link: $0, relationship: "attributed-to", section: "Attributed to") }
                + incident.targets.map { OutgoingLink(link: $0, relationship: "targets", section: "Targets") }
                + incident.responders.map { OutgoingLink(link: $0, relationship: "responded-by", section: "Responders") }
                + incident.supporters.map {
                    OutgoingLink(link: $0, relationship: "response-supported-by", section: "Supported by")
                }
                + (involves[id] ?? []).map { OutgoingLink(link: $0, relationship: "involves", section: "") }
        case .indicator(let indicator):
            return indicator.indicates.map { OutgoingLink(link: $0, relationship: "indicates", section: "") }
                + indicator.basedOn.map { OutgoingLink(link: resolved($0), relationship: "based-on", section: "") }
        case .observable, .malware, .tool, nil:
            return []
        }
    }

    /// The malware and tools an actor, intrusion set or campaign uses (the model lists users on the software).
    private func usesLinks(from id: String) -> [OutgoingLink] {
        (uses[id] ?? []).map { OutgoingLink(link: $0, relationship: "uses", section: "") }
    }

    /// A membership's comment: its role and dates ("lead, since 2017-11, until 2020"). An ObjectReference has
    /// no dates of its own, and misp-stix drops a STIX relationship's start and stop times.
    static func describe(_ membership: Membership) -> String? {
        let parts = [
            membership.role?.rawValue, membership.since.map { "since \($0)" }, membership.until.map { "until \($0)" },
        ].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }
}
