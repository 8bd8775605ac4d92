/// Something that happened: an incursion, a disclosure, an espionage or cyber operation.
///
/// ```swift
/// var incursion = Incident(id: "himalaya-incursion", title: "Chinese incursion repelled", kind: .militaryIncursion)
/// incursion.when = try DateSpan(parsing: "2022-10/2022-12")
/// incursion.attributedTo = [Link("pla")]
/// incursion.responders = [Link("india")]
/// incursion.supporters = [Link("usa")]
/// ```
public struct Incident: Sendable {
    /// The author's handle, unique in the report.
    public var id: String
    /// A short title.
    public var title: String
    /// What happened.
    public var kind: IncidentKind
    /// What the author says about it.
    public var description: String?
    /// When it happened, with the precision the author knows.
    public var when: DateSpan?
    /// Where it happened.
    public var location: Location?
    /// Who is held responsible.
    public var attributedTo: [Link]
    /// Whom or what it targeted.
    public var targets: [Link]
    /// Who responded to it.
    public var responders: [Link]
    /// Partners whose intelligence or help supported the response.
    public var supporters: [Link]
    /// How it ended.
    public var outcome: String?
    /// What it affected, in the author's words.
    public var impacts: [String]
    /// Where its handling stands.
    public var status: IncidentStatus
    /// What the investigation concluded.
    public var determination: IncidentDetermination
    /// How sure the author is, 0 to 100.
    public var confidence: Int?
    /// Local ids of the report sources this rests on.
    public var sources: [String]
    /// Who may receive it; `nil` means the report's default.
    public var marking: Marking?
    /// Passages of the cited sources, quoted verbatim, that support this incident (its dates included): they
    /// leave with it, under its marking, and are scanned for withheld names like its description.
    public var evidence: [String] = []
    /// The STIX 2.1 object this was imported from, when another producer wrote it: the STIX writer writes
    /// it back unchanged (ids, timestamps, markings and unknown properties such as `x_mitre_*` included).
    public var imported: JSONValue? = nil

    /// Creates an incident.
    public init(
        id: String, title: String, kind: IncidentKind, description: String? = nil, when: DateSpan? = nil,
        location: Location? = nil, attributedTo: [Link] = [], targets: [Link] = [], responders: [Link] = [],
        supporters: [Link] = [], outcome: String? = nil, impacts: [String] = [], status: IncidentStatus = .open,
        determination: IncidentDetermination = .suspected, confidence: Int? = nil, sources: [String] = [],
        marking: Marking? = nil
    ) {
        self.id = id
        self.title = title
        self.kind = kind
        self.description = description
        self.when = when
        self.location = location
        self.attributedTo = attributedTo
        self.targets = targets
        self.responders = responders
        self.supporters = supporters
        self.outcome = outcome
        self.impacts = impacts
        self.status = status
        self.determination = determination
        self.confidence = confidence
        self.sources = sources
        self.marking = marking
    }
}

extension Incident: Hashable {}
