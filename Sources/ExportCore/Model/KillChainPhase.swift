/// A phase of a kill chain (`lockheed-martin-cyber-kill-chain` / `reconnaissance`, `mitre-attack` / `execution`).
///
/// Both names are free text: STIX asks for lowercase words joined by hyphens and the authoring checks say so.
public struct KillChainPhase: Sendable, Hashable {
    /// The kill chain's name.
    public var killChainName: String
    /// The phase's name within it.
    public var phaseName: String

    /// Creates a phase.
    public init(killChainName: String, phaseName: String) {
        self.killChainName = killChainName
        self.phaseName = phaseName
    }
}
