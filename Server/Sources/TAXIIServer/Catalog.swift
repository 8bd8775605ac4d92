public import Export

/// Every collection every partner may read, computed once at start-up from the reports and the partners file.
///
/// Each partner's collections are built from its own view (`SharingPolicy().view(report, for: recipient)`), so a
/// request can only ever reach objects of the requesting partner's view: there is no shared object table to filter.
public struct Catalog: Sendable {
    /// Partner name → collection id → what that partner reads there.
    let views: [String: [String: ServedCollection]]
    /// Collection ids in the order the reports were given.
    public let collectionIDs: [String]
    /// Each report's collection id, with a digest and count of the objects of its full view.
    let identities: [(id: String, digest: String, objectCount: Int)]

    /// Builds every partner's view of every report.
    /// - Throws: ``ExportError`` when a partner's view of a report names a withheld object (as `exportctl export
    ///   --for` would fail), or when two reports would be the same collection.
    public init(reports: [ThreatReport], partners: [Partner], policy: SharingPolicy = SharingPolicy()) throws {
        var ids: [String] = []
        var identities: [(id: String, digest: String, objectCount: Int)] = []
        var views: [String: [String: ServedCollection]] = [:]
        for report in reports {
            let identity = ServedCollection.identify(report)
            let id = identity.id
            identities.append(identity)
            guard !ids.contains(id) else {
                throw ExportError(.usage, "two reports are the same collection \(id): give each report once")
            }
            ids.append(id)
            let start = TAXIITimestamp(startOf: report.published)
            for partner in partners {
                // A partner named by an actor id that this report does not have receives nothing of it.
                guard let recipient = try? Recipient.resolve(partner.recipient, in: report) else { continue }
                let (view, _) = try policy.view(report, for: recipient)
                let collection = ServedCollection(id: id, view: view, start: start)
                if !collection.objects.isEmpty { views[partner.name, default: [:]][id] = collection }
            }
        }
        self.views = views
        self.identities = identities
        collectionIDs = ids
    }

    /// The collections a partner may read, in report order.
    public func collections(for partner: String) -> [ServedCollection] {
        guard let mine = views[partner] else { return [] }
        return collectionIDs.compactMap { mine[$0] }
    }

    /// One collection of a partner's; `nil` when it does not exist or the partner may read nothing of it (the
    /// server answers 404 for both, so a partner cannot learn which).
    public func collection(_ id: String, for partner: String) -> ServedCollection? { views[partner]?[id.lowercased()] }
}
