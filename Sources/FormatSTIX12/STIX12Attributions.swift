import ExportCore
import ExportSharing

/// Who is attributed what, looked up once per package: the threat actor's associated campaigns and an incident's
/// related incidents would otherwise each scan every activity or incident (quadratic in the report's size).
struct STIX12Attributions {
    /// The campaigns, then the intrusion sets, attributed to each id, in the report's order.
    private var activities: [String: [(activity: Activity, type: String)]] = [:]
    /// The positions in the report's incident list of the incidents attributed to each id.
    private var incidents: [String: [Int]] = [:]
    private let report: ThreatReport

    init(_ report: ThreatReport) {
        self.report = report
        let all = report.campaigns.map { ($0, "campaign") } + report.intrusionSets.map { ($0, "intrusion-set") }
        for (activity, type) in all {
            for ref in Self.unique(activity.attributedTo) { activities[ref, default: []].append((activity, type)) }
        }
        for (position, incident) in report.incidents.enumerated() {
            for ref in Self.unique(incident.attributedTo) { incidents[ref, default: []].append(position) }
        }
    }

    /// The campaigns and intrusion sets attributed to `id`, campaigns first.
    func activities(attributedTo id: String) -> [(activity: Activity, type: String)] { activities[id] ?? [] }

    /// The other incidents attributed to at least one of `actors`, in the report's order.
    func incidents(attributedToAnyOf actors: Set<String>, except incident: Incident) -> [Incident] {
        let positions = Set(actors.flatMap { incidents[$0] ?? [] })
        return positions.sorted().map { report.incidents[$0] }.filter { $0.id != incident.id }
    }

    private static func unique(_ links: [Link]) -> [String] {
        var seen: Set<String> = []
        return links.map(\.ref).filter { seen.insert($0).inserted }
    }
}
