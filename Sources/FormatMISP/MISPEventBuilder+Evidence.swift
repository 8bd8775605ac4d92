import ExportCore

/// Evidence in MISP: the quotes that support an object or link travel in the `comment` of what carries it
/// (the object, the campaign attribute, the object reference or the link's own attribute), and a threat
/// actor's in its galaxy cluster's meta (`evidence`), so each quote has exactly its item's distribution. A link
/// that MISP holds as a galaxy tag or a sponsor name has nowhere to put one (counted as not carried).
extension MISPEventBuilder {
    /// The comment text for a list of quotes: `Evidence: "…" "…"`, or `nil` for none.
    static func evidenceText(_ quotes: [String]) -> String? {
        quotes.isEmpty ? nil : "Evidence: " + quotes.map { "\"\($0)\"" }.joined(separator: " ")
    }

    /// A comment made of the parts present, in order, separated by a space.
    static func comment(_ parts: String?...) -> String {
        parts.compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
    }
}

extension MISPContext.Item {
    /// The quotes that support the item.
    var evidence: [String] {
        switch self {
        case .actor(let actor): actor.evidence
        case .intrusionSet(let set), .campaign(let set): set.evidence
        case .partnership(let partnership): partnership.evidence
        case .incident(let incident): incident.evidence
        case .indicator(let indicator): indicator.evidence
        case .observable: []
        case .malware(let malware): malware.evidence
        case .tool(let tool): tool.evidence
        }
    }
}
