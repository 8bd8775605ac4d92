import ExportCore
import ExportSharing
import ExportXML

/// Turns a released report into a STIX 1.2 package, element by element in the schemas' fixed order.
///
/// A class because one pass accumulates what could not be carried.
package final class STIX12Encoder {
    let xml: XMLStreamWriter
    let report: ThreatReport
    let recipient: String?
    let index: ReportIndex
    let attributions: STIX12Attributions
    let detection: STIX12DetectionLinks
    /// The producer's id prefix, declared on the root.
    let prefix: String
    /// Every `id` and `idref` carries the report's date: sdv's best practices want a timestamp on both.
    let timestamp: String
    var losses = STIX12Losses()
    /// Labels of the links written in the component being encoded, for its `Handling` (paths from the component).
    var pendingLinkLabels: [(path: String, label: Marking)] = []
    /// The type and UUID of every object, as every format names it (imported objects keep theirs).
    private let identities: IdentityIndex
    private var qnames: [QNameKey: String] = [:]

    private struct QNameKey: Hashable {
        let type: String
        let localID: String
    }

    init(xml: XMLStreamWriter, view: ReleasedReport) {
        self.xml = xml
        report = view.report
        recipient = view.recipient
        index = ReportIndex(view.report)
        attributions = STIX12Attributions(view.report)
        detection = STIX12DetectionLinks(view.report)
        prefix = STIX12Namespaces.producerPrefix
        timestamp = "\(view.report.published.start)T00:00:00Z"
        identities = IdentityIndex(view.report)
    }

    // MARK: ids

    /// The QName of an object: `<prefix>:<STIX 2.1 type>-<the UUID every format uses>`; an imported object keeps
    /// its STIX 2.1 type and UUID.
    func qname(_ type: String, _ localID: String) -> String {
        let key = QNameKey(type: type, localID: localID)
        if let known = qnames[key] { return known }
        let name = makeQName(type, localID)
        qnames[key] = name
        return name
    }

    /// Computes a QName; ``qname(_:_:)`` remembers it, since each object is named wherever it is referenced and a
    /// UUIDv5 is a SHA-1.
    private func makeQName(_ type: String, _ localID: String) -> String {
        let name = identities.identity(type, localID).joined(by: "-")
        // An imported id, which the input chose, is reduced to the characters an NCName may hold.
        guard identities.isImported(localID), !name.utf8.allSatisfy(STIX12Namespaces.isNCNameByte) else {
            return prefix + ":" + name
        }
        return prefix + ":" + STIX12Namespaces.ncNameCharacters(name[...])
    }

    /// The QName of any report object, or `nil` when the id names nothing in the view.
    func qname(of id: String) -> String? {
        if let actor = index.actors[id] { return qname(actor.kind == .threatActor ? "threat-actor" : "identity", id) }
        if index.partnerships[id] != nil { return qname("identity", id) }
        if index.intrusionSets[id] != nil { return qname("intrusion-set", id) }
        if index.campaigns[id] != nil { return qname("campaign", id) }
        if index.incidents[id] != nil { return qname("incident", id) }
        return nil
    }

    /// Whether the object is written as a `stixCommon:Identity` (non-threat actors and partnerships).
    func isIdentity(_ id: String) -> Bool {
        if let actor = index.actors[id] { return actor.kind != .threatActor }
        return index.partnerships[id] != nil
    }

    func isThreatActor(_ id: String) -> Bool { index.actors[id]?.kind == .threatActor }

    // MARK: the package

    /// Opens the package and writes its header.
    func start() throws {
        try xml.startElement("stix:STIX_Package")
        for (prefix, uri) in STIX12Namespaces.all { try xml.attribute("xmlns:\(prefix)", uri) }
        if report.detectionObjectCount > 0 {
            for (prefix, uri) in STIX12Namespaces.detection { try xml.attribute("xmlns:\(prefix)", uri) }
        }
        try xml.attribute("xmlns:\(prefix)", STIX12Namespaces.producerNamespace(report.producer))
        try xml.attribute("id", qname("package", recipient ?? ""))
        try xml.attribute("version", "1.2")
        try xml.startElement("stix:STIX_Header")
        try packageHandling()
        try informationSource()
        try xml.endElement()
    }

    /// `stix:Reports`: the report's title and description (the 1.2 replacement for the header's) over idrefs.
    func reports() throws {
        try xml.startElement("stix:Reports")
        try xml.startElement("stix:Report")
        try xml.attribute("xsi:type", "report:ReportType")
        try identify(qname("report", StableID.reportLocalID))
        try xml.attribute("version", "1.0")
        try xml.startElement("report:Header")
        try xml.element("report:Title", text: report.title)
        try vocabulary("report:Intent", STIX12Vocabularies.reportIntent, "Threat Report")
        try xml.element("report:Description", text: report.description)
        try handling("report:Handling", report.marking)  // the narrative's label
        try xml.endElement()
        try reportObservables()
        try references("report:Indicators", "report:Indicator", report.indicators.map { qname("indicator", $0.id) })
        let ttps = report.malware.map { qname("malware", $0.id) } + report.tools.map { qname("tool", $0.id) }
        try references("report:TTPs", "report:TTP", ttps)
        try references("report:Incidents", "report:Incident", report.incidents.map { qname("incident", $0.id) })
        let activities =
            report.campaigns.map { qname("campaign", $0.id) } + report.intrusionSets.map { qname("intrusion-set", $0.id) }
        try references("report:Campaigns", "report:Campaign", activities)
        let actors = report.actors.filter { $0.kind == .threatActor }.map { qname("threat-actor", $0.id) }
        try references("report:Threat_Actors", "report:Threat_Actor", actors)
        try xml.endElement()
        try xml.endElement()
    }

    /// `report:Observables`: an idref to each distinct observable (CybOX idrefs carry no timestamp).
    private func reportObservables() throws {
        var seen: Set<String> = []
        let ids = report.observables.map(observableQName).filter { seen.insert($0).inserted }
        guard !ids.isEmpty else { return }
        try xml.startElement("report:Observables")
        try cyboxVersionAttributes()
        for id in ids {
            try xml.startElement("cybox:Observable")
            try xml.attribute("idref", id)
            try xml.endElement()
        }
        try xml.endElement()
    }

    // MARK: shared pieces

    /// `id` and `timestamp` on the element just opened.
    func identify(_ id: String) throws {
        try xml.attribute("id", id)
        try xml.attribute("timestamp", timestamp)
    }

    /// `<name idref="…" timestamp="…"/>`; identities (`stixCommon:IdentityType`) have no `timestamp`.
    func reference(_ name: String, _ id: String, isTimestamped: Bool = true) throws {
        try xml.startElement(name)
        try xml.attribute("idref", id)
        if isTimestamped { try xml.attribute("timestamp", timestamp) }
        try xml.endElement()
    }

    /// A list wrapper around idrefs, or nothing when the list is empty.
    func references(_ wrapper: String, _ item: String, _ ids: [String]) throws {
        guard !ids.isEmpty else { return }
        try xml.startElement(wrapper)
        for id in ids { try reference(item, id) }
        try xml.endElement()
    }

    /// A controlled-vocabulary value with its exact `xsi:type`.
    func vocabulary(_ name: String, _ type: String, _ value: String) throws {
        try xml.startElement(name)
        try xml.attribute("xsi:type", type)
        try xml.text(value)
        try xml.endElement()
    }

    /// A statement (`Type`, `Motivation`, ...) whose value comes from a default vocabulary.
    func statement(_ name: String, _ type: String, _ value: String) throws {
        try xml.startElement(name)
        try xml.attribute("timestamp", timestamp)
        try vocabulary("stixCommon:Value", type, value)
        try xml.endElement()
    }

    /// `<name><stixCommon:Value xsi:type="HighMediumLowVocab-1.0">…</stixCommon:Value></name>`.
    func confidence(_ name: String, _ value: Int?) throws {
        guard let value else { return }
        try xml.startElement(name)
        try xml.attribute("timestamp", timestamp)
        try vocabulary("stixCommon:Value", STIX12Vocabularies.confidence, STIX12Vocabularies.confidence(value))
        try xml.endElement()
    }

    /// Counts the evidence quotes of an indicator, malware or tool and of its links: `evidencedItems`, which the
    /// writer counts for the other objects, does not list these.
    func countEvidence(_ own: [String], _ links: [Link]) {
        losses.add(.evidence, own.count + links.map(\.evidence.count).reduce(0, +))
    }

    /// Counts what links carry beyond their target and marking.
    func countLinkDetail(_ links: [Link]) {
        losses.add(.linkDescription, links.filter { $0.description != nil }.count)
    }
}
