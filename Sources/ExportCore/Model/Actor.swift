/// A state, agency, organisation, person or threat actor named in a report.
///
/// ```swift
/// var mss = Actor(id: "china-mss", name: "Ministry of State Security", kind: .threatActor)
/// mss.country = CountryCode("CN")
/// mss.threat = ThreatProfile(types: [.nationState, .spy], sophistication: .strategic)
/// mss.sponsoredBy = [Link("china")]
/// ```
public struct Actor: Sendable {
    /// The author's handle, unique in the report.
    public var id: String
    /// The actor's name.
    public var name: String
    /// Other names the actor goes by.
    public var aliases: [String]
    /// What the actor is.
    public var kind: ActorKind
    /// The actor's country: the state itself, or the one an agency, organisation or person belongs to.
    public var country: CountryCode?
    /// The industry sectors the actor belongs to.
    public var sectors: [IndustrySector]
    /// The actor's roles in the author's words ("defence minister", "intelligence liaison").
    public var roles: [String]
    /// What the author says about the actor.
    public var description: String?
    /// For threat actors: types, capability and motives.
    public var threat: ThreatProfile?
    /// Who sponsors or directs this actor (for an apparatus, its state).
    public var sponsoredBy: [Link]
    /// How sure the author is, 0 to 100.
    public var confidence: Int?
    /// Local ids of the report sources this rests on.
    public var sources: [String]
    /// Who may receive the actor; `nil` means the report's default.
    public var marking: Marking?
    /// The organisation's real UUID on partners' MISP instances, when it has one.
    ///
    /// MISP sharing groups name member organisations by UUID. Without this, the MISP writer derives one
    /// from the actor's stable id, which a partner's MISP does not know; set it for partner organisations
    /// that data is released to.
    public var mispOrganisationUUID: String?
    /// Passages of the cited sources, quoted verbatim, that support this actor (its dates included): they
    /// leave with it, under its marking, and are scanned for withheld names like its description.
    public var evidence: [String] = []
    /// The STIX 2.1 object this was imported from, when another producer wrote it: the STIX writer writes
    /// it back unchanged (ids, timestamps, markings and unknown properties such as `x_mitre_*` included).
    public var imported: JSONValue? = nil

    /// Creates an actor.
    public init(
        id: String, name: String, kind: ActorKind, aliases: [String] = [], country: CountryCode? = nil,
        sectors: [IndustrySector] = [], roles: [String] = [], description: String? = nil,
        threat: ThreatProfile? = nil, sponsoredBy: [Link] = [], confidence: Int? = nil, sources: [String] = [],
        marking: Marking? = nil, mispOrganisationUUID: String? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.aliases = aliases
        self.country = country
        self.sectors = sectors
        self.roles = roles
        self.description = description
        self.threat = threat
        self.sponsoredBy = sponsoredBy
        self.confidence = confidence
        self.sources = sources
        self.marking = marking
        self.mispOrganisationUUID = mispOrganisationUUID
    }
}

extension Actor: Hashable {}
