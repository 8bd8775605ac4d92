/// A named body of hostile activity: an intrusion set (who keeps doing it) or a campaign (an operation).
///
/// Both share one shape; ``ThreatReport/intrusionSets`` and ``ThreatReport/campaigns`` say which is which.
///
/// ```swift
/// let ops = Activity(id: "china-cyber-ops", name: "Chinese espionage and cyber operations in Asia",
///                    attributedTo: [Link("china-mss")], targets: [Link("japan")])
/// ```
public struct Activity: Sendable {
    /// The author's handle, unique in the report.
    public var id: String
    /// The activity's name.
    public var name: String
    /// Other names for it.
    public var aliases: [String]
    /// What the author says about it.
    public var description: String?
    /// When it was first seen.
    public var firstSeen: PartialDate?
    /// When it was last seen.
    public var lastSeen: PartialDate?
    /// What it is trying to achieve.
    public var objective: String?
    /// Who is behind it.
    public var attributedTo: [Link]
    /// Whom or what it targets.
    public var targets: [Link]
    /// How sure the author is, 0 to 100.
    public var confidence: Int?
    /// Local ids of the report sources this rests on.
    public var sources: [String]
    /// Who may receive it; `nil` means the report's default.
    public var marking: Marking?
    /// Passages of the cited sources, quoted verbatim, that support this activity (its dates included): they
    /// leave with it, under its marking, and are scanned for withheld names like its description.
    public var evidence: [String] = []
    /// The STIX 2.1 object this was imported from, when another producer wrote it: the STIX writer writes
    /// it back unchanged (ids, timestamps, markings and unknown properties such as `x_mitre_*` included).
    public var imported: JSONValue? = nil

    /// Creates an intrusion set or campaign.
    public init(
        id: String, name: String, aliases: [String] = [], description: String? = nil,
        firstSeen: PartialDate? = nil, lastSeen: PartialDate? = nil, objective: String? = nil,
        attributedTo: [Link] = [], targets: [Link] = [], confidence: Int? = nil, sources: [String] = [],
        marking: Marking? = nil
    ) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.description = description
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.objective = objective
        self.attributedTo = attributedTo
        self.targets = targets
        self.confidence = confidence
        self.sources = sources
        self.marking = marking
    }
}

extension Activity: Hashable {}

/// A group of activity that keeps recurring under one name.
public typealias IntrusionSet = Activity
/// An operation with an objective, over a period.
public typealias Campaign = Activity
