/// A report's objects by id, built once so that lookups stay constant-time on large reports.
package struct ReportIndex: Sendable {
    package let actors: [String: Actor]
    package let partnerships: [String: Partnership]
    package let intrusionSets: [String: IntrusionSet]
    package let campaigns: [String: Campaign]
    package let incidents: [String: Incident]

    package init(_ report: ThreatReport) {
        actors = Self.byID(report.actors, \.id)
        partnerships = Self.byID(report.partnerships, \.id)
        intrusionSets = Self.byID(report.intrusionSets, \.id)
        campaigns = Self.byID(report.campaigns, \.id)
        incidents = Self.byID(report.incidents, \.id)
    }

    /// The display name of any object.
    package func name(of id: String) -> String? {
        actors[id]?.name ?? partnerships[id]?.name ?? intrusionSets[id]?.name ?? campaigns[id]?.name
            ?? incidents[id]?.title
    }

    private static func byID<T>(_ items: [T], _ id: KeyPath<T, String>) -> [String: T] {
        Dictionary(items.map { ($0[keyPath: id], $0) }) { first, _ in first }
    }
}
