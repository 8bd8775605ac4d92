/// An alliance, dialogue, trilateral, bilateral, initiative or agreement between actors.
///
/// ```swift
/// let quad = Partnership(
///     id: "quad", name: "Quadrilateral Security Dialogue", kind: .multilateralDialogue,
///     members: [Membership("usa"), Membership("india"), Membership("japan"), Membership("australia")],
///     scope: [.intelligenceSharing])
/// ```
public struct Partnership: Sendable {
    /// The author's handle, unique in the report.
    public var id: String
    /// The partnership's name.
    public var name: String
    /// Other names for it ("Quad").
    public var aliases: [String]
    /// What kind of arrangement it is.
    public var kind: PartnershipKind
    /// Its members; a member may be another partnership.
    public var members: [Membership]
    /// What it covers.
    public var scope: [PartnershipScope]
    /// When it was established.
    public var established: PartialDate?
    /// What the author says about it.
    public var description: String?
    /// How sure the author is, 0 to 100.
    public var confidence: Int?
    /// Local ids of the report sources this rests on.
    public var sources: [String]
    /// Who may receive it; `nil` means the report's default.
    public var marking: Marking?
    /// Passages of the cited sources, quoted verbatim, that support this partnership (its dates included): they
    /// leave with it, under its marking, and are scanned for withheld names like its description.
    public var evidence: [String] = []
    /// The STIX 2.1 object this was imported from, when another producer wrote it: the STIX writer writes
    /// it back unchanged (ids, timestamps, markings and unknown properties such as `x_mitre_*` included).
    public var imported: JSONValue? = nil

    /// Creates a partnership.
    public init(
        id: String, name: String, kind: PartnershipKind, aliases: [String] = [], members: [Membership] = [],
        scope: [PartnershipScope] = [], established: PartialDate? = nil, description: String? = nil,
        confidence: Int? = nil, sources: [String] = [], marking: Marking? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.aliases = aliases
        self.members = members
        self.scope = scope
        self.established = established
        self.description = description
        self.confidence = confidence
        self.sources = sources
        self.marking = marking
    }
}

extension Partnership: Hashable {}
