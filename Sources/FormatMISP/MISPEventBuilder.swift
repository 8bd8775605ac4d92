import ExportCore
import ExportSharing

/// Builds one MISP event: its objects, galaxy clusters, attributes, reports and sharing groups.
struct MISPEventBuilder {
    let context: MISPContext
    let spec: MISPEventSpec
    let groups: MISPSharingGroupRegistry
    /// Each object's home event: the first event that holds it keeps its UUID, later copies derive one.
    let homes: [String: String]
    let eventAudience: MISPAudience
    /// The event's members as a set: every link asks whether its target is in the event, and an IOC-heavy
    /// event has as many members as links.
    let memberSet: Set<String>

    var drafts: [String: MISPObjectDraft] = [:]
    var clusters: [String: [String: JSONValue]] = [:]
    var clusterMeta: [String: [String: [String]]] = [:]
    /// Relations from a cluster to another (a threat actor `uses` a malware), by the holding cluster's id.
    var clusterRelations: [String: [(type: String, target: String)]] = [:]
    var eventTags: [String] = []
    var extraAttributes: [JSONValue] = []
    /// The UUIDs of `extraAttributes`: a link written twice is found in constant time, not by a scan of every
    /// attribute so far (which made an event of many indicators quadratic: 100,000 took 375 s).
    var extraAttributeUUIDs: Set<String> = []
    var narrative: [String: [(section: String, text: String)]] = [:]
    var notCarried: [String: Int] = [:]

    init(context: MISPContext, spec: MISPEventSpec, groups: MISPSharingGroupRegistry, homes: [String: String]) {
        self.context = context
        self.spec = spec
        self.groups = groups
        self.homes = homes
        eventAudience = context.audience(spec.marking)
        memberSet = Set(spec.members)
    }

    /// The event as `{"Event": {...}}`.
    mutating func build() -> JSONValue {
        eventTags.append("tlp:" + spec.marking.tlp.rawValue)
        for id in spec.members { addObject(id) }
        for id in spec.members { for outgoing in context.links(from: id) { carry(outgoing, from: id) } }
        var event: [String: JSONValue] = [
            "uuid": .string(spec.uuid), "info": .string(spec.info), "date": .string(MISPJSON.date(spec.date)),
            "threat_level_id": "4", "analysis": .string(String(spec.analysis)), "published": .bool(true),
            "timestamp": .string(context.timestamp), "publish_timestamp": .string(context.timestamp),
            "Orgc": MISPJSON.organisation(context.producer), "Org": MISPJSON.organisation(context.producer),
            "Tag": .array(eventTags.map { $0.hasPrefix("tlp:") ? MISPJSON.tlpTag(spec.marking.tlp) : MISPJSON.tag($0) }),
        ]
        event.merge(groups.fields(for: eventAudience, owner: context.producer)) { _, new in new }
        let objects = spec.members.compactMap { drafts[$0] }.filter { $0.template != nil }
        if !objects.isEmpty { event["Object"] = .array(objects.map { $0.json(timestamp: context.timestamp) }) }
        let campaigns = spec.members.compactMap { drafts[$0] }.filter { $0.template == nil }
        let attributes = campaigns.map { $0.json(timestamp: context.timestamp) } + extraAttributes
        if !attributes.isEmpty { event["Attribute"] = .array(attributes) }
        let galaxies = MISPGalaxy.all.compactMap { galaxy -> JSONValue? in
            let list = spec.members.compactMap { id in
                clusters[id].flatMap { $0["type"]?.stringValue == galaxy.type ? renderCluster($0, id: id) : nil }
            }
            guard !list.isEmpty else { return nil }
            var block = galaxy.header
            block["GalaxyCluster"] = .array(list)
            return .object(block)
        }
        if !galaxies.isEmpty { event["Galaxy"] = .array(galaxies) }
        let reports = spec.incidents.map(eventReport)
        if !reports.isEmpty { event["EventReport"] = .array(reports) }
        return .object(["Event": .object(event)])
    }

    // MARK: Placement

    func audience(of id: String) -> MISPAudience { context.audience(context.marking(of: id)) }

    /// Where an item with this audience is actually seen: the event's audience when it inherits.
    func effective(_ audience: MISPAudience) -> MISPAudience { audience.covers(eventAudience) ? eventAudience : audience }

    /// `distribution`, `sharing_group_id` and, for a sharing group, the embedded `SharingGroup`.
    func distribution(_ audience: MISPAudience, inheritable: Bool = true) -> [String: JSONValue] {
        if audience.covers(eventAudience) {
            return inheritable ? ["distribution": "5", "sharing_group_id": "0"]
                : groups.fields(for: eventAudience, owner: context.producer)
        }
        return groups.fields(for: audience, owner: context.producer)
    }

    /// The object's UUID in this event: its own in its home event, a derived one in later copies (MISP keeps
    /// one object per UUID per instance).
    func uuid(of id: String) -> String {
        let own = context.uuid(of: id) ?? id
        guard let home = homes[id], home != spec.uuid else { return own }
        return StableID.uuid5(namespace: own, name: "misp-copy|" + spec.uuid)
    }

    func isThreatActor(_ id: String) -> Bool {
        if case .actor(let actor) = context.items[id] { actor.kind == .threatActor } else { false }
    }

    mutating func count(_ what: String) { notCarried[what, default: 0] += 1 }
}
