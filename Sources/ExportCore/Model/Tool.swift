/// Legitimate software that an actor uses for its own ends (Cobalt Strike, PsExec).
///
/// ```swift
/// var psexec = Tool(id: "psexec", name: "PsExec", types: ["remote-access"])
/// psexec.usedBy = [Link("apt-x")]
/// ```
public struct Tool: Sendable {
    /// The author's handle, unique in the report.
    public var id: String
    /// The tool's name.
    public var name: String
    /// Other names for it.
    public var aliases: [String]
    /// What the author says about it.
    public var description: String?
    /// What kind of tool it is.
    public var types: [ToolType]
    /// Actors, intrusion sets and campaigns that use it (each a STIX `uses` relationship from them to it).
    public var usedBy: [Link] = []
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

    /// Creates a tool.
    public init(
        id: String, name: String, aliases: [String] = [], description: String? = nil, types: [ToolType] = [],
        confidence: Int? = nil, sources: [String] = [], marking: Marking? = nil
    ) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.description = description
        self.types = types
        self.confidence = confidence
        self.sources = sources
        self.marking = marking
    }
}

extension Tool: Hashable {}
