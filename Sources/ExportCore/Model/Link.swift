/// A directed link from one report object to another: attribution, a target, support or sponsorship.
///
/// A link may carry its own marking, narrower than the objects it joins (for example the fact that
/// intelligence came from a given partner).
public struct Link: Sendable {
    /// The local id of the object linked to.
    public var ref: String
    /// The link's own marking; `nil` means it reaches whoever may see both ends.
    public var marking: Marking?
    /// The label the link travels with, set by the sharing layer when it builds a ``ReleasedReport``: its own
    /// marking, else the stricter of its ends' (``LinkMarking``). Writers that label links write this one, so a
    /// link carries the same label in every format; model formats write ``marking``.
    public var label: Marking? = nil
    /// What the author knows about the link itself.
    public var description: String?
    /// Passages of the cited sources, quoted verbatim, that support this link (its dates included): they
    /// leave with it, under its marking, and are scanned for withheld names like its description.
    public var evidence: [String] = []
    /// The STIX 2.1 object this was imported from, when another producer wrote it: the STIX writer writes
    /// it back unchanged (ids, timestamps, markings and unknown properties such as `x_mitre_*` included).
    public var imported: JSONValue? = nil

    /// Creates a link.
    public init(_ ref: String, marking: Marking? = nil, description: String? = nil) {
        self.ref = ref
        self.marking = marking
        self.description = description
    }
}

extension Link: Hashable {}
