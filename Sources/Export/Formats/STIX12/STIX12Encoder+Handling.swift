/// Markings: TLP marking structures and simple-marking statements, never wider than the model's marking.
extension STIX12Encoder {
    /// Everything in the package (`//node() | //@*`).
    static let wholePackage = "//node() | //@*"
    /// The component whose `Handling` holds the marking (Controlled_Structure → Marking → Handling → component).
    static let enclosingComponent = "../../../descendant-or-self::node() | ../../../descendant-or-self::node()/@*"

    /// The header's `Handling`: the default marking over the whole package, then one marking per identity and per
    /// link that has its own (identities and relationships have no `Handling` of their own in STIX 1.2).
    func packageHandling() throws {
        var markings: [(structure: String, marking: Marking)] = []
        if let marking = report.defaultMarking { markings.append((Self.wholePackage, marking)) }
        for actor in report.actors where actor.kind != .threatActor {
            if let marking = actor.marking { markings.append((Self.element(qname("identity", actor.id)), marking)) }
        }
        for partnership in report.partnerships {
            if let marking = partnership.marking {
                markings.append((Self.element(qname("identity", partnership.id)), marking))
            }
        }
        for (owner, link) in markedLinks() {
            guard let marking = link.marking, let target = qname(of: link.ref), let owner = qname(of: owner) else { continue }
            markings.append((Self.relationship(owner: owner, target: target), marking))
        }
        guard !markings.isEmpty else { return }
        try xml.startElement("stix:Handling")
        for (structure, marking) in markings { try self.marking(marking, controlling: structure) }
        try xml.endElement()
    }

    /// A component's own `Handling`, or nothing when the default covers it.
    func handling(_ name: String, _ marking: Marking?) throws {
        guard let marking else { return }
        try xml.startElement(name)
        try self.marking(marking, controlling: Self.enclosingComponent)
        try xml.endElement()
    }

    /// One `marking:Marking`: the TLP structure (CLEAR → WHITE, AMBER+STRICT → AMBER plus the statement
    /// `TLP:AMBER+STRICT`) and a `REL TO` statement naming alpha-3 codes.
    func marking(_ marking: Marking, controlling structure: String) throws {
        try xml.startElement("marking:Marking")
        try xml.element("marking:Controlled_Structure", text: structure)
        try xml.startElement("marking:Marking_Structure")
        try xml.attribute("xsi:type", "tlpMarking:TLPMarkingStructureType")
        try xml.attribute("color", Self.color(marking.tlp))
        try xml.endElement()
        if marking.tlp == .amberStrict { try simpleMarking(TLP.amberStrict.label) }
        let codes = releasableCodes(marking)
        if !codes.isEmpty { try simpleMarking("REL TO " + codes.joined(separator: ", ")) }
        try xml.endElement()
    }

    /// The STIX 1.2 TLP colour: STIX 1.2 knows RED, AMBER, GREEN and WHITE only.
    static func color(_ tlp: TLP) -> String {
        switch tlp {
        case .clear: "WHITE"
        case .green: "GREEN"
        case .amber, .amberStrict: "AMBER"
        case .red: "RED"
        }
    }

    /// The releasable-to list as alpha-3 codes, as every format names a marking's audience.
    func releasableCodes(_ marking: Marking) -> [String] {
        Audience.countryCodes(of: marking.releasableTo, index: index, published: report.published)
    }

    private func simpleMarking(_ statement: String) throws {
        try xml.startElement("marking:Marking_Structure")
        try xml.attribute("xsi:type", "simpleMarking:SimpleMarkingStructureType")
        try xml.element("simpleMarking:Statement", text: statement)
        try xml.endElement()
    }

    /// Every link with its own marking, with the id of the object it leaves from.
    private func markedLinks() -> [(owner: String, link: Link)] {
        var links: [(String, Link)] = []
        for actor in report.actors { links += actor.sponsoredBy.map { (actor.id, $0) } }
        for activity in report.intrusionSets + report.campaigns {
            links += (activity.attributedTo + activity.targets).map { (activity.id, $0) }
        }
        for incident in report.incidents {
            let all = incident.attributedTo + incident.targets + incident.responders + incident.supporters
            links += all.map { (incident.id, $0) }
        }
        return links.filter { $0.1.marking != nil }
    }

    /// The element with this id and everything inside it.
    private static func element(_ id: String) -> String {
        let node = "//*[@id='\(id)']"
        return "\(node)/descendant-or-self::node() | \(node)/descendant-or-self::node()/@*"
    }

    /// The relationship elements inside `owner` that point at `target` (the parent of the idref).
    private static func relationship(owner: String, target: String) -> String {
        let node = "//*[@id='\(owner)']//*[@idref='\(target)']/.."
        return "\(node)/descendant-or-self::node() | \(node)/descendant-or-self::node()/@*"
    }
}
