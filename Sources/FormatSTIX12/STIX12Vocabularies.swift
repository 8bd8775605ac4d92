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
    static let indicatorType = "stixVocabs:IndicatorTypeVocab-1.1"
    static let malwareType = "stixVocabs:MalwareTypeVocab-1.0"
    static let toolType = "cyboxVocabs:ToolTypeVocab-1.1"
    static let hashName = "cyboxVocabs:HashNameVocab-1.0"

    /// STIX 2.1's indicator types say what the activity is; IndicatorTypeVocab-1.1 says mostly what is watched
    /// (IP Watchlist, ...). Only anonymization means the same in both.
    static func indicatorType(_ type: IndicatorType) -> String? {
        type == "anonymization" ? "Anonymization" : nil
    }

    static func malwareType(_ type: MalwareType) -> String? {
        switch type.rawValue {
        case "adware": "Adware"
        case "bot": "Bot"
        case "ddos": "DoS / DDoS"
        case "exploit-kit": "Exploit Kits"
        case "ransomware": "Ransomware"
        case "remote-access-trojan": "Remote Access Trojan"
        case "rogue-security-software": "Rogue Antivirus"
        case "rootkit": "Rootkit"
        default: nil
        }
    }

    /// CybOX's ToolTypeVocab-1.1 names defenders' tools; two of STIX 2.1's tool types are among them.
    static func toolType(_ type: ToolType) -> String? {
        switch type.rawValue {
        case "vulnerability-scanning": "Vulnerability Scanner"
        case "network-capture": "Packet Capture and Analysis"
        default: nil
        }
    }

    /// HashNameVocab-1.0 writes the SHA names without the hyphen.
    static func hashName(_ algorithm: HashAlgorithm) -> String {
        switch algorithm {
        case .md5: "MD5"
        case .sha1: "SHA1"
        case .sha256: "SHA256"
        case .sha512: "SHA512"
        }
    }

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
