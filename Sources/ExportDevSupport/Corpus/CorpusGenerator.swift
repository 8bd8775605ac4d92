public import Export

/// Generates large, realistic threat reports from a seed: the corpus every benchmark tool reads.
///
/// `objects` counts the STIX 2.1 objects exportctl writes for the report's content — every actor,
/// intrusion set, campaign, partnership and incident, every incident location, and every relationship
/// (links, memberships, `located-at`) — exactly; see ``describedObjectCount(of:)``. The bundle adds a
/// small fixed overhead of shared objects (the producer identity, the report, marking and extension
/// definitions, one location per country), under a hundred whatever the size.
///
/// The mix: about 30% relationships; states, agencies, organisations and individuals; threat actors,
/// intrusion sets, campaigns, incidents (half with a location), partnerships with members; TLP 2.0
/// markings on most objects and some links, a third of them with a releasable-to list. The same
/// `objects` and `seed` give the same report on every machine. Every report passes ``ReportChecks``.
///
/// ```swift
/// let report = CorpusGenerator(objects: 100_000, seed: 1).report()
/// var file = try AtomicFile(path: "corpus.json")
/// try report.writeAuthoringJSON(to: &file.sink)
/// try file.commit()
/// ```
public struct CorpusGenerator: Sendable {
    /// The number of described STIX objects to generate.
    public let objects: Int
    /// The seed.
    public let seed: UInt64
    /// How many indicators to add, each with its own observable (the IOC-heavy corpus); they come on top of
    /// `objects`.
    public let indicators: Int

    /// The smallest corpus: enough for the states and alliances every corpus starts with.
    public static let minimumObjects = 100

    /// Creates a generator; `objects` below ``minimumObjects`` is raised to it.
    public init(objects: Int, seed: UInt64 = 1, indicators: Int = 0) {
        self.objects = max(objects, Self.minimumObjects)
        self.seed = seed
        self.indicators = max(indicators, 0)
    }

    /// The report: the same for the same `objects` and `seed`.
    public func report() -> ThreatReport {
        var state = CorpusBuilder(objects: objects, seed: seed)
        state.build()
        state.addIndicators(indicators)
        return state.report
    }

    /// How many STIX 2.1 objects exportctl writes for a report's own content (not the shared objects):
    /// one per actor, activity, partnership and incident, two per incident location (the location and its
    /// `located-at`), one `located-at` per actor with a country, one relationship per link and membership.
    ///
    /// Exact for reports whose links are not repeated and that were not imported from STIX.
    public static func describedObjectCount(of report: ThreatReport) -> Int {
        var count = 0
        for actor in report.actors { count += 1 + (actor.country == nil ? 0 : 1) + actor.sponsoredBy.count }
        for activity in report.intrusionSets + report.campaigns {
            count += 1 + activity.attributedTo.count + activity.targets.count
        }
        for partnership in report.partnerships { count += 1 + partnership.members.count }
        for incident in report.incidents {
            count += 1 + incident.attributedTo.count + incident.targets.count + incident.responders.count
            count += incident.supporters.count
            if let location = incident.location, location.isPlace { count += 2 }
        }
        return count
    }
}
