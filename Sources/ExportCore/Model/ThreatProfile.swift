/// What STIX knows about a threat actor beyond its name: its types, capability and motives.
public struct ThreatProfile: Sendable {
    /// The kinds of threat actor this is (`nation-state`, `spy`, `insider-disgruntled`, ...).
    public var types: [ThreatActorType]
    /// How skilled the actor is.
    public var sophistication: Sophistication?
    /// What resources the actor can draw on.
    public var resourceLevel: ResourceLevel?
    /// Why the actor acts, first of all.
    public var primaryMotivation: Motivation?
    /// Other reasons the actor acts.
    public var secondaryMotivations: [Motivation]
    /// What the actor is trying to achieve, in the author's words.
    public var goals: [String]
    /// When the actor was first seen.
    public var firstSeen: PartialDate?
    /// When the actor was last seen.
    public var lastSeen: PartialDate?

    /// Creates a threat profile.
    public init(
        types: [ThreatActorType] = [], sophistication: Sophistication? = nil, resourceLevel: ResourceLevel? = nil,
        primaryMotivation: Motivation? = nil, secondaryMotivations: [Motivation] = [], goals: [String] = [],
        firstSeen: PartialDate? = nil, lastSeen: PartialDate? = nil
    ) {
        self.types = types
        self.sophistication = sophistication
        self.resourceLevel = resourceLevel
        self.primaryMotivation = primaryMotivation
        self.secondaryMotivations = secondaryMotivations
        self.goals = goals
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
    }
}

extension ThreatProfile: Hashable {}
