import ExportCore

/// What STIX 1.2 has no structured place for, by kind: the keys of ``ExportSummary/notCarried``.
///
/// `MAPPING.md`'s "Not carried" section lists exactly these raw values (a test checks it).
package enum STIX12Loss: String, CaseIterable {
    case actorAlias = "actor alias"
    case actorCountry = "actor country"
    case actorSector = "actor sector"
    case actorRole = "actor role"
    case actorDescription = "description of a non-threat actor"
    case actorConfidence = "confidence of a non-threat actor"
    case threatActorType = "threat actor type outside ThreatActorTypeVocab-1.0"
    case motivation = "motivation outside MotivationVocab-1.1"
    case sophistication = "sophistication outside ThreatActorSophisticationVocab-1.0"
    case resourceLevel = "threat actor resource level"
    case seenDates = "first or last seen date"
    case activityTarget = "campaign or intrusion set target"
    case activityAttribution = "attribution to something other than a threat actor"
    case partnershipKind = "partnership kind"
    case partnershipScope = "partnership scope"
    case partnershipEstablished = "partnership establishment date"
    case partnershipDescription = "partnership description"
    case partnershipAlias = "partnership alias"
    case partnershipConfidence = "partnership confidence"
    case membershipDetail = "membership role or dates"
    case incidentEnd = "incident end date"
    case incidentLocation = "incident location"
    case incidentOutcome = "incident outcome"
    case incidentImpact = "incident impact"
    case incidentDetermination = "incident determination"
    case incidentStatus = "incident status outside IncidentStatusVocab-1.0"
    case linkDescription = "description of a link"
    case sourceCitation = "per-object source citation"
    case sourceHash = "source SHA-256"
    case evidence = "evidence quote"
    case indicatorType = "indicator type outside IndicatorTypeVocab-1.1"
    case indicatorActor = "indicator indicating a threat actor"
    case malwareType = "malware type outside MalwareTypeVocab-1.0"
    case malwareCapability = "malware capability"
    case malwareFamily = "malware family or instance flag"
    case toolType = "tool type outside ToolTypeVocab-1.1"
    case toolAlias = "tool alias"
    case ttpConfidence = "malware or tool confidence"
    case usedByOther = "use by something other than a threat actor, campaign or intrusion set"
}

/// Counts losses as the writer goes.
struct STIX12Losses {
    private(set) var counts: [String: Int] = [:]

    mutating func add(_ loss: STIX12Loss, _ count: Int = 1) {
        guard count > 0 else { return }
        counts[loss.rawValue, default: 0] += count
    }

    mutating func add(_ loss: STIX12Loss, if condition: Bool) { add(loss, condition ? 1 : 0) }
}
