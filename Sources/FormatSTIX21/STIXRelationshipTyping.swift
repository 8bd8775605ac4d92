import ExportCore
import ExportSharing

/// Which `relationship_type` a link gets in STIX 2.1, so that consumers import it as meant.
///
/// OpenCTI accepts a typed relationship only between the entity types its table lists
/// (`stixCoreRelationshipsMapping`), fails each other one alone, and accepts `related-to` everywhere.
/// A link whose semantic type OpenCTI allows between its ends is written with that type; any other becomes
/// `related-to` with a readable `description` (when the author gave none) and its semantic type in our
/// object extension (`link_type`), which is how our reader recovers it. The table here is the subset of
/// OpenCTI's for the types exportctl writes; `Tests/oracles/opencti_relationships.json` holds the source's
/// table and the oracle test checks every export against it.
enum STIXRelationshipTyping {
    /// exportctl's semantic link types that no consumer knows: a membership is `part-of` where OpenCTI has
    /// it between the ends, every other use of these is `related-to` on the wire.
    static let memberOf = "member-of"
    static let respondsTo = "responds-to"
    static let supportsResponseTo = "supports-response-to"

    /// The entity type OpenCTI (pycti) gives an object; `nil` for types that have no typed relationships.
    enum ConsumerType: String, Sendable {
        case organization = "Organization", individual = "Individual"
        case threatActorGroup = "Threat-Actor-Group", threatActorIndividual = "Threat-Actor-Individual"
        case intrusionSet = "Intrusion-Set", campaign = "Campaign", incident = "Incident"
        case country = "Country", region = "Region", position = "Position"

        var isLocation: Bool { [.country, .region, .position].contains(self) }
        var isThreatActor: Bool { self == .threatActorGroup || self == .threatActorIndividual }
        var isIdentity: Bool { self == .organization || self == .individual }
    }

    /// The type OpenCTI gives an actor: pycti makes a threat actor an individual only by `resource_level`.
    static func consumerType(of actor: Actor) -> ConsumerType {
        switch actor.kind {
        case .threatActor:
            actor.threat?.resourceLevel?.rawValue == "individual" ? .threatActorIndividual : .threatActorGroup
        case .individual: .individual
        default: .organization
        }
    }

    /// Whether OpenCTI allows `type` from `source` to `target` (besides `related-to`, always allowed).
    static func isAllowed(_ type: String, from source: ConsumerType, to target: ConsumerType) -> Bool {
        switch type {
        case "attributed-to":
            switch source {
            case .threatActorGroup, .threatActorIndividual: target.isIdentity
            case .intrusionSet: target.isThreatActor
            case .campaign: target.isThreatActor || target == .intrusionSet
            case .incident: target.isThreatActor || target == .intrusionSet || target == .campaign
            default: false
            }
        case "targets":
            [.threatActorGroup, .threatActorIndividual, .intrusionSet, .campaign, .incident].contains(source)
                && (target.isIdentity || target.isLocation)
        case "located-at":
            (source.isIdentity || source.isThreatActor) && target.isLocation
        case "part-of":
            switch source {
            case .organization, .individual: target == .organization
            case .threatActorGroup: target == .threatActorGroup
            case .threatActorIndividual: target.isThreatActor
            default: false
            }
        default:
            false
        }
    }

    /// The typed relationship OpenCTI has for a semantic link type, if any (a membership is `part-of`).
    static func typedForm(of semantic: String) -> String {
        semantic == memberOf ? "part-of" : semantic
    }

    /// The `description` a `related-to` gets when the author wrote none: what the link means, source first.
    static func label(_ semantic: String) -> String {
        switch semantic {
        case memberOf: "member of"
        case respondsTo: "responds to"
        case supportsResponseTo: "supports the response to"
        default: String(semantic.map { $0 == "-" ? " " : $0 })
        }
    }

    /// How a relationship object reads back: our extension's `link_type` when present, else its type. A
    /// bundle written before `link_type` existed still reads (`member-of`, `responds-to` on the wire).
    static func semanticType(of relationship: [String: JSONValue]) -> String? {
        let ext = relationship["extensions"]?[STIXExtensionDefinition.object.id]
        return ext?["link_type"]?.stringValue ?? relationship["relationship_type"]?.stringValue
    }
}
