import ExportCore
import ExportSharing

/// exportctl's vocabularies in STIX 1.2's default vocabularies: the exact values and their `xsi:type`s.
///
/// A value with no counterpart maps to `nil`, and the writer counts it as not carried.
enum STIX12Vocabularies {
    static let threatActorType = "stixVocabs:ThreatActorTypeVocab-1.0"
    static let motivation = "stixVocabs:MotivationVocab-1.1"
    static let sophistication = "stixVocabs:ThreatActorSophisticationVocab-1.0"
    static let incidentStatus = "stixVocabs:IncidentStatusVocab-1.0"
    static let confidence = "stixVocabs:HighMediumLowVocab-1.0"
    static let sourceRole = "stixVocabs:InformationSourceRoleVocab-1.0"
    static let reportIntent = "stixVocabs:ReportIntentVocab-1.0"

    static func threatActorType(_ type: ThreatActorType) -> String? {
        switch type {
        case .nationState: "State Actor / Agency"
        case .spy: "Cyber Espionage Operations"
        case .activist: "Hacktivist"
        case .hacker: "Hacker"
        case .crimeSyndicate, .criminal: "eCrime Actor - Organized Crime Actor"
        case .insiderAccidental, .insiderDisgruntled: "Insider Threat"
        default: nil
        }
    }

    static func motivation(_ motivation: Motivation) -> String? {
        switch motivation {
        case .ideology: "Ideological"
        case .notoriety, .personalSatisfaction: "Ego"
        case .personalGain: "Financial or Economic"
        case .organizationalGain: "Political"
        case .dominance: "Military"
        default: nil
        }
    }

    static func sophistication(_ level: Sophistication) -> String? {
        switch level {
        case .innovator, .strategic: "Innovator"
        case .expert: "Expert"
        case .advanced, .intermediate: "Practitioner"
        case .minimal: "Novice"
        case .none: "Aspirant"
        default: nil
        }
    }

    static func incidentStatus(_ status: IncidentStatus) -> String? {
        switch status {
        case .new: "New"
        case .open: "Open"
        case .stalled: "Stalled"
        case .containmentAchieved: "Containment Achieved"
        case .restorationAchieved: "Restoration Achieved"
        case .incidentReported: "Incident Reported"
        case .closed: "Closed"
        case .rejected: "Rejected"
        default: nil
        }
    }

    /// The STIX 2.1 confidence scale's High/Medium/Low mapping: 0 None, 1–29 Low, 30–69 Medium, 70–100 High.
    static func confidence(_ value: Int) -> String {
        switch value {
        case ...0: "None"
        case 1..<30: "Low"
        case 30..<70: "Medium"
        default: "High"
        }
    }
}
