import ExportCore
import ExportSharing

extension AuthoringKeys {
    /// The keys of one kind of mapping, by name, for tests that compare them with the JSON Schema.
    package static func named(_ kind: String) -> [String] {
        switch kind {
        case "report": report
        case "actor": actor
        case "activity": activity
        case "partnership": partnership
        case "incident": incident
        case "source": source
        case "marking": marking
        case "location": location
        case "membership": membership
        case "link": link
        default: []
        }
    }
}
