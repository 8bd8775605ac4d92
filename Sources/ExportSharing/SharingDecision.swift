public import ExportCore

/// Whether one object, link or membership goes to a recipient, and the rule that decided it.
public struct SharingDecision: Sendable, Hashable {
    /// What it is: `actor`, `intrusion set`, `campaign`, `partnership`, `incident`, `source`, `link`, `membership`.
    public var kind: String
    /// The object's id, or `from → to` for a link or membership.
    public var id: String
    /// The object's name or title, for the analyst.
    public var name: String
    /// Whether it goes to the recipient.
    public var isReleased: Bool
    /// The rule that decided it, in words.
    public var rule: String
    /// For a released object, the label it travels with (`TLP:AMBER, releasable to IND, USA`); `nil` otherwise.
    public var label: String? = nil

    /// Creates a decision.
    public init(kind: String, id: String, name: String, isReleased: Bool, rule: String) {
        self.kind = kind
        self.id = id
        self.name = name
        self.isReleased = isReleased
        self.rule = rule
    }
}

/// Everything the sharing policy decided for one recipient: what `exportctl plan` prints.
public struct SharingPlan: Sendable {
    /// Who the plan is for.
    public var recipient: Recipient
    /// One decision per object, link, membership and source, in report order.
    public var decisions: [SharingDecision]
    /// Places where the recipient's view names something withheld from it.
    public var textHits: [Diagnostic]

    /// The decisions that release.
    public var released: [SharingDecision] { decisions.filter(\.isReleased) }
    /// The decisions that withhold.
    public var withheld: [SharingDecision] { decisions.filter { !$0.isReleased } }
}
