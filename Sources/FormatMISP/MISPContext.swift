import ExportCore
import ExportSharing

/// What the MISP writer knows about a report: every object by local id, its UUID, name and audience.
struct MISPContext {
    /// A report object, by what it is.
    enum Item {
        case actor(Actor)
        case intrusionSet(Activity)
        case campaign(Activity)
        case partnership(Partnership)
        case incident(Incident)
        case indicator(Indicator)
        case observable(Observable)
        case malware(Malware)
        case tool(Tool)
    }

    /// The marking of anything that has none and finds no report default: the recipient organisation only.
    static let fallbackMarking = Marking(tlp: .amber)

    let report: ThreatReport
    let producer: MISPSharingGroup.Organisation
    let timestamp: String
    private(set) var items: [String: Item] = [:]
    /// The view's objects by id, for naming a marking's audience by country code as every format does.
    let index: ReportIndex
    /// Every object's UUID, as every format names it (imported objects keep theirs).
    let identities: IdentityIndex
    /// For each user (actor, intrusion set, campaign), its links to the malware and tools it uses.
    let uses: [String: [Link]]
    /// For each incident, its links to the observables it involves.
    let involves: [String: [Link]]
    /// For each observable, the indicators based on it. The view holds only released indicators and only their
    /// links to released observables, so an observable listed here is a detection (`to_ids`).
    let indicatorsBasedOn: [String: [String]]
    /// Observables that repeat an earlier one's value (and so its STIX id), with the earlier one's id.
    let sameAs: [String: String]

    init(report: ThreatReport) {
        self.report = report
        identities = IdentityIndex(report)
        // The producer's organisation is the STIX producer identity: one UUID in every format.
        producer = MISPSharingGroup.Organisation(
            uuid: identities.derived("identity", StableID.producerLocalID).uuid, name: report.producer.name)
        timestamp = MISPJSON.timestamp(report.published)
        index = ReportIndex(report)
        for actor in report.actors { items[actor.id] = .actor(actor) }
        for set in report.intrusionSets { items[set.id] = .intrusionSet(set) }
        for campaign in report.campaigns { items[campaign.id] = .campaign(campaign) }
        for partnership in report.partnerships { items[partnership.id] = .partnership(partnership) }
        for incident in report.incidents { items[incident.id] = .incident(incident) }
        for indicator in report.indicators { items[indicator.id] = .indicator(indicator) }
        // Observables with one value have one STIX id, so one MISP attribute: the first stands for the others
        // (as the STIX 2.1 writer writes one object), and links to the others lead to it.
        var sameAs: [String: String] = [:]
        var first: [String: String] = [:]
        for observable in report.observables where items[observable.id] == nil {
            let uuid = identities.identity(of: observable.id)?.uuid ?? observable.id
            if let earlier = first[uuid] { sameAs[observable.id] = earlier; continue }
            first[uuid] = observable.id
            items[observable.id] = .observable(observable)
        }
        self.sameAs = sameAs
        for malware in report.malware { items[malware.id] = .malware(malware) }
        for tool in report.tools { items[tool.id] = .tool(tool) }
        // Who uses each malware and tool, who is based on each observable and which observables an incident
        // involves: the model holds these links on the other end, MISP on this one.
        var users: [String: [Link]] = [:]
        for (item, usedBy) in report.malware.map({ ($0.id, $0.usedBy) }) + report.tools.map({ ($0.id, $0.usedBy) }) {
            for link in usedBy { users[link.ref, default: []].append(Self.turned(link, toward: item)) }
        }
        uses = users
        var involved: [String: [Link]] = [:]
        for observable in report.observables {
            let item = sameAs[observable.id] ?? observable.id
            for link in observable.involvedIn { involved[link.ref, default: []].append(Self.turned(link, toward: item)) }
        }
        involves = involved
        var basedOn: [String: [String]] = [:]
        for indicator in report.indicators {
            for link in indicator.basedOn { basedOn[sameAs[link.ref] ?? link.ref, default: []].append(indicator.id) }
        }
        indicatorsBasedOn = basedOn
    }

    /// A link with its target resolved to the observable that stands for it (``sameAs``).
    func resolved(_ link: Link) -> Link {
        guard let item = sameAs[link.ref] else { return link }
        return Self.turned(link, toward: item)
    }

    /// A link held by its other end, pointed from `ref` back to `item`, its marking, description and evidence kept.
    private static func turned(_ link: Link, toward item: String) -> Link {
        var turned = link
        turned.ref = item
        return turned
    }

    /// The object's UUID, the same in every format, unless an imported object repeats another's UUID under
    /// another STIX type: MISP names objects by UUID alone, so that one gets its own (``IdentityIndex/soleUUID(of:)``).
    func uuid(of id: String) -> String? { identities.soleUUID(of: id) }

    /// The object's name.
    func name(of id: String) -> String {
        switch items[id] {
        case .actor(let actor): actor.name
        case .intrusionSet(let set), .campaign(let set): set.name
        case .partnership(let partnership): partnership.name
        case .incident(let incident): incident.title
        case .indicator(let indicator): indicator.name
        case .observable(let observable): observable.value ?? observable.fileName ?? observable.hashes.first?.value ?? id
        case .malware(let malware): malware.name
        case .tool(let tool): tool.name
        case nil: id
        }
    }

    /// The object's effective marking: its own, else the report's default.
    func marking(of id: String) -> Marking {
        let own: Marking? =
            switch items[id] {
            case .actor(let actor): actor.marking
            case .intrusionSet(let set), .campaign(let set): set.marking
            case .partnership(let partnership): partnership.marking
            case .incident(let incident): incident.marking
            case .indicator(let indicator): indicator.marking
            case .observable(let observable): observable.marking
            case .malware(let malware): malware.marking
            case .tool(let tool): tool.marking
            case nil: nil
            }
        return own ?? report.defaultMarking ?? Self.fallbackMarking
    }

    /// The report's own marking (its narrative's), for events that stand for the report rather than one incident.
    var reportMarking: Marking { report.marking ?? report.defaultMarking ?? Self.fallbackMarking }

    /// Who a marking reaches, in MISP's terms.
    func audience(_ marking: Marking) -> MISPAudience {
        guard marking.releasableTo.isEmpty else { return .group(sharingGroup(marking.releasableTo)) }
        switch marking.tlp {
        case .clear: return .everyone
        case .green: return .community
        case .amber, .amberStrict, .red: return .organisation
        }
    }

    /// A link's TLP and audience: the stricter TLP of its ends and those who see both, narrowed further by the
    /// link's own marking. This is MISP's placement, not a release decision (the policy made that): a MISP
    /// reference sits inside one of the objects it joins and names the other, so it must not sit anywhere
    /// wider than either end, even in the producer's own unfiltered export.
    func linkMarking(_ link: Link, from source: String) -> (tlp: TLP, audience: MISPAudience) {
        let a = marking(of: source)
        let b = marking(of: link.ref)
        let ends = (tlp: max(a.tlp, b.tlp), audience: audience(a).intersection(audience(b)))
        guard let own = link.marking else { return ends }
        return (max(own.tlp, ends.tlp), audience(own).intersection(ends.audience))
    }

    /// The organisation a MISP sharing group lists for an actor: its real MISP UUID when given.
    func organisation(for actor: Actor) -> MISPSharingGroup.Organisation {
        MISPSharingGroup.Organisation(
            uuid: actor.mispOrganisationUUID ?? uuid(of: actor.id) ?? actor.id, name: actor.name)
    }
}
