/// What an actor is. A closed set: every writer maps each case.
public enum ActorKind: String, Sendable, CaseIterable {
    /// A sovereign state, e.g. Japan.
    case state
    /// A government body: a ministry, an armed service, a justice department.
    case agency
    /// A non-government organisation: a think tank, a company.
    case organization
    /// A named person.
    case individual
    /// A threat actor: a state-sponsored group, an espionage apparatus, an insider.
    case threatActor = "threat-actor"
}

extension ActorKind: Hashable {}
