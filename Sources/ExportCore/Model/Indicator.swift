/// What to look for: a pattern that matches hostile activity, with what it indicates and the observables
/// it was built from.
///
/// ```swift
/// var indicator = Indicator(id: "c2-address", name: "C2 address",
///                           pattern: "[ipv4-addr:value = '203.0.113.5']",
///                           validFrom: try PartialDate(parsing: "2023-01-10"))
/// indicator.indicates = [Link("apt-x")]
/// indicator.basedOn = [Link("c2-ip")]
/// ```
public struct Indicator: Sendable {
    /// The author's handle, unique in the report.
    public var id: String
    /// A short name.
    public var name: String
    /// What the author says about it.
    public var description: String?
    /// The detection pattern, in the language ``patternType`` names.
    public var pattern: String
    /// The pattern's language; exportctl checks the syntax of `stix` patterns.
    public var patternType: PatternType
    /// From when the pattern is a valid sign of the activity.
    public var validFrom: PartialDate
    /// Until when it is (its last day, at the date's precision).
    public var validUntil: PartialDate?
    /// What kind of activity it points at.
    public var types: [IndicatorType]
    /// Where in a kill chain the activity sits.
    public var killChainPhases: [KillChainPhase] = []
    /// Actors, intrusion sets, campaigns and malware the pattern is a sign of.
    public var indicates: [Link] = []
    /// The observables the pattern was built from.
    public var basedOn: [Link] = []
    /// How sure the author is, 0 to 100.
    public var confidence: Int?
    /// Local ids of the report sources this rests on.
    public var sources: [String]
    /// Who may receive it; `nil` means the report's default.
    public var marking: Marking?
    /// Passages of the cited sources, quoted verbatim, that support it: they leave with it, under its marking.
    public var evidence: [String] = []
    /// The STIX 2.1 object this was imported from, when another producer wrote it: the STIX writer writes it
    /// back unchanged (its id, timestamps and metadata included); other formats write the modelled fields.
    public var imported: JSONValue? = nil

    /// Creates an indicator.
    public init(
        id: String, name: String, description: String? = nil, pattern: String, patternType: PatternType = .stix,
        validFrom: PartialDate, validUntil: PartialDate? = nil, types: [IndicatorType] = [], confidence: Int? = nil,
        sources: [String] = [], marking: Marking? = nil
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.pattern = pattern
        self.patternType = patternType
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.types = types
        self.confidence = confidence
        self.sources = sources
        self.marking = marking
    }
}

extension Indicator: Hashable {}
