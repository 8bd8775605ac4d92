package import ExportCore
import ExportSharing
import ExportXML

/// Markings: TLP marking structures and simple-marking statements, never wider than the model's marking.
extension STIX12Encoder {
    /// Everything in the package (`//node() | //@*`).
    static let wholePackage = "//node() | //@*"
    /// The component whose `Handling` holds the marking (Controlled_Structure → Marking → Handling → component).
    static let enclosingComponent = subtree("../../..")

    /// The header's `Handling`: the default marking over the whole package, then the label of each identity and of
    /// each link inside the header's identities (identities have no `Handling` of their own in STIX 1.2).
    func packageHandling() throws {
        var markings: [(structure: String, marking: Marking)] = []
        if let marking = report.defaultMarking { markings.append((Self.wholePackage, marking)) }
        for actor in report.actors where actor.kind != .threatActor {
            let owner = qname("identity", actor.id)
            if let marking = actor.marking { markings.append((Self.element(owner), marking)) }
            markings += Self.relatedIdentities(of: owner, actor.sponsoredBy.map(\.label), unless: report.defaultMarking)
        }
        for partnership in report.partnerships {
            let owner = qname("identity", partnership.id)
            if let marking = partnership.marking { markings.append((Self.element(owner), marking)) }
            markings += Self.relatedIdentities(of: owner, partnership.members.map(\.label), unless: report.defaultMarking)
        }
        // Observables have no Handling either; two observables with one value are one element under both labels.
        for observable in report.observables {
            if let marking = observable.marking { markings.append((Self.element(observableQName(observable)), marking)) }
        }
        guard !markings.isEmpty else { return }
        try xml.startElement("stix:Handling")
        for (structure, marking) in markings { try self.marking(marking, controlling: structure) }
        try xml.endElement()
    }

    /// A component's own `Handling`: its label (its marking, else the report default) over the whole component,
    /// then the label of each link written inside it that differs, over that link's element. Every component
    /// carries its label itself, since an importer that reads a component's `Handling` does not look at the
    /// header's.
    func handling(_ name: String, _ own: Marking?) throws {
        let label = own ?? report.defaultMarking
        let links = pendingLinkLabels.filter { $0.label != label }
        pendingLinkLabels = []
        guard label != nil || !links.isEmpty else { return }
        try xml.startElement(name)
        if let label { try marking(label, controlling: Self.enclosingComponent) }
        for link in links {
            let node = "../../../\(link.path)"
            try marking(link.label, controlling: Self.subtree(node))
        }
        try xml.endElement()
    }

    /// Notes the label of a link element just written at `path` (from its component), for the component's
    /// ``handling(_:_:)``.
    func labelLink(_ label: Marking?, at path: String) {
        if let label { pendingLinkLabels.append((path, label)) }
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
    package static func color(_ tlp: TLP) -> String {
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

    /// The element with this id and everything inside it.
    private static func element(_ id: String) -> String {
        let node = "//*[@id='\(id)']"
        return subtree(node)
    }

    /// The header markings for an identity's related identities (sponsors, members) whose labels differ from
    /// `unless`, each over its `Related_Identity` element.
    private static func relatedIdentities(of owner: String, _ labels: [Marking?], unless common: Marking?)
        -> [(structure: String, marking: Marking)]
    {
        labels.enumerated().compactMap { position, label in
            guard let label, label != common else { return nil }
            let node = "//*[@id='\(owner)']/stixCommon:Related_Identities/stixCommon:Related_Identity[\(position + 1)]"
            return (subtree(node), label)
        }
    }

    /// The nodes `node` selects, everything inside them and their attributes: what a marking controls.
    static func subtree(_ node: String) -> String {
        "\(node)/descendant-or-self::node() | \(node)/descendant-or-self::node()/@*"
    }
}
