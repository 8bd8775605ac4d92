import ExportCore
import ExportSharing

extension MISPEventBuilder {
    /// The incident's narrative as an EventReport in MISP Markdown, linking to the objects it names.
    func eventReport(_ id: String) -> JSONValue {
        guard case .incident(let incident) = context.items[id] else { return .null }
        var lines = ["# \(incident.title)", ""]
        if let description = incident.description { lines += [description, ""] }
        lines.append("- **Incident:** @[object](\(uuid(of: id)))")
        lines.append("- **Kind:** \(incident.kind.rawValue)")
        if let when = incident.when { lines.append("- **When:** \(when)") }
        if let location = incident.location {
            let place = [location.name, location.country?.name, location.region?.rawValue].compactMap { $0 }
            if !place.isEmpty { lines.append("- **Where:** \(place.joined(separator: ", "))") }
        }
        lines.append("- **Status:** \(incident.status.rawValue); **determination:** \(incident.determination.rawValue)")
        if let confidence = incident.confidence { lines.append("- **Confidence:** \(confidence)/100") }
        if let outcome = incident.outcome { lines.append("- **Outcome:** \(outcome)") }
        for impact in incident.impacts { lines.append("- **Impact:** \(impact)") }
        let entries = narrative[id] ?? []
        for section in ["Attributed to", "Targets", "Responders", "Supported by"] {
            let items = entries.filter { $0.section == section }.map(\.text)
            guard !items.isEmpty else { continue }
            lines += ["", "## \(section)", ""] + items.map { "- \($0)" }
        }
        var fields: [String: JSONValue] = [
            "uuid": .string(StableID.uuid5(namespace: uuid(of: id), name: "misp-event-report|" + spec.uuid)),
            "name": .string(incident.title), "content": .string(lines.joined(separator: "\n") + "\n"),
            "timestamp": .string(context.timestamp), "deleted": .bool(false),
        ]
        fields.merge(distribution(audience(of: id))) { _, new in new }
        return .object(fields)
    }
}
