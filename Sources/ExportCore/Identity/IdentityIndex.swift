/// Which STIX 2.1 type and UUID each item of a report has: the one answer every writer uses, so that an object
/// carries the same UUID in STIX 2.1, STIX 1.2 and MISP.
///
/// An authored object's UUID is a UUIDv5 over `producer|type|local id` (``StableID``). An object imported from
/// another producer's bundle keeps its own id, type included, so a partner that already holds it recognises it.
/// Derived objects (locations, relationships, notes, the report) are never imported and always get the UUIDv5.
///
/// ```swift
/// let ids = IdentityIndex(report)
/// ids.identity(of: "apt-x")?.stixID          // "threat-actor--…" (or the id it was imported with)
/// ids.derived("location", "country:jp").uuid  // the same UUID in every format
/// ```
package struct IdentityIndex: Sendable {
    /// A STIX 2.1 type with a UUID.
    package struct Identity: Sendable, Hashable {
        /// `type--uuid`.
        package let stixID: String
        // One string and where its type ends: writers look identities up for every object and both ends of
        // every link, and copying three strings out of the table each time was measurable in an export.
        private let typeLength: Int

        /// The STIX 2.1 type (`threat-actor`).
        package var type: String { String(stixID.utf8.prefix(typeLength))! }
        /// The UUID, without the type.
        package var uuid: String { String(stixID.utf8.dropFirst(typeLength + 2))! }

        init(type: String, uuid: String) {
            stixID = type + "--" + uuid
            typeLength = type.utf8.count
        }

        /// The type and the UUID with `separator` between them (`threat-actor-…` for a STIX 1.2 QName).
        package func joined(by separator: String) -> String {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(stixID.utf8.count + separator.utf8.count - 2)
            bytes += stixID.utf8.prefix(typeLength)
            bytes += separator.utf8
            bytes += stixID.utf8.dropFirst(typeLength + 2)
            return String(decoding: bytes, as: UTF8.self)
        }

        /// Whether the type is `type`, without making a string of it.
        func hasType(_ type: String) -> Bool {
            type.utf8.count == typeLength && stixID.utf8.starts(with: type.utf8)
        }

        /// An imported object's id split at its `--`; `nil` when it has none.
        init?(stixID: String) {
            guard let separator = stixID.firstRange(of: "--") else { return nil }
            self.stixID = stixID
            typeLength = stixID.utf8.distance(from: stixID.startIndex, to: separator.lowerBound)
        }
    }

    private struct Entry: Sendable {
        let identity: Identity
        let isImported: Bool
    }

    private let producer: String
    private let objects: [String: Entry]
    /// Imported objects whose UUID an earlier object of the report already has (``soleUUID(of:)``).
    private let repeatedUUIDs: Set<String>

    /// Indexes every modelled object of the report (actors, intrusion sets, campaigns, partnerships, incidents,
    /// indicators, malware, tools, and observables under their spec-defined ids).
    package init(_ report: ThreatReport) {
        let producer = report.producer.id
        var objects: [String: Entry] = [:]
        objects.reserveCapacity(report.objectCount + report.detectionObjectCount)
        // Only an imported id can repeat another object's UUID (our own are UUIDv5s of distinct names), so a
        // report with nothing imported skips hashing every UUID.
        let tracksUUIDs = Self.hasImports(report)
        var seenUUIDs: Set<String> = []
        var repeatedUUIDs: Set<String> = []
        func add(_ localID: String, _ type: String, _ imported: JSONValue?) {
            guard objects[localID] == nil else { return }  // the first of two objects with one id wins, as in the checks
            let entry: Entry
            if let kept = imported?["id"]?.stringValue.flatMap(Identity.init(stixID:)) {
                entry = Entry(identity: kept, isImported: true)
            } else {
                let own = Identity(type: type, uuid: StableID.uuid(producer: producer, type: type, localID: localID))
                entry = Entry(identity: own, isImported: false)
            }
            objects[localID] = entry
            if tracksUUIDs, !seenUUIDs.insert(entry.identity.uuid.lowercased()).inserted { repeatedUUIDs.insert(localID) }
        }
        for actor in report.actors { add(actor.id, Self.stixType(of: actor), actor.imported) }
        for set in report.intrusionSets { add(set.id, "intrusion-set", set.imported) }
        for campaign in report.campaigns { add(campaign.id, "campaign", campaign.imported) }
        for partnership in report.partnerships { add(partnership.id, "identity", partnership.imported) }
        for incident in report.incidents { add(incident.id, "incident", incident.imported) }
        for indicator in report.indicators { add(indicator.id, "indicator", indicator.imported) }
        for malware in report.malware { add(malware.id, "malware", malware.imported) }
        for tool in report.tools { add(tool.id, "tool", tool.imported) }
        // A cyber-observable's id is the spec's, from its value: the same address has the same id everywhere.
        // An imported one keeps the id it came with, which another producer may have made otherwise.
        for observable in report.observables where objects[observable.id] == nil {
            if observable.imported != nil {
                add(observable.id, observable.kind.rawValue, observable.imported)
            } else if let identity = Identity(stixID: SCOIdentity.stixID(of: observable)) {
                objects[observable.id] = Entry(identity: identity, isImported: false)
            }
        }
        self.producer = producer
        self.objects = objects
        self.repeatedUUIDs = repeatedUUIDs
    }

    /// A UUID that no other object of the report has, for a format that names objects by UUID alone (MISP keeps
    /// one object, attribute or cluster per UUID and drops a second). STIX lets two imported objects of different
    /// types share a UUID (`threat-actor--X`, `intrusion-set--X`); the first keeps it and a later one gets a UUIDv5
    /// over its full STIX id, the same on every export. `nil` when no object has this local id.
    package func soleUUID(of localID: String) -> String? {
        guard let entry = objects[localID] else { return nil }
        guard repeatedUUIDs.contains(localID) else { return entry.identity.uuid }
        return StableID.uuid5(namespace: entry.identity.uuid, name: "sole-uuid|" + entry.identity.stixID)
    }

    /// Whether this object's UUID is also an earlier object's, so ``soleUUID(of:)`` gives it another.
    package func repeatsAnotherUUID(_ localID: String) -> Bool { repeatedUUIDs.contains(localID) }

    /// A modelled object's identity; `nil` when no object has this local id.
    package func identity(of localID: String) -> Identity? { objects[localID]?.identity }

    /// The identity an object of `type` with `localID` is written under: a modelled object's own when it was
    /// imported (its type too), else the UUIDv5 of `type` and `localID`. STIX 1.2 names one actor both as a
    /// threat actor and as an identity this way.
    package func identity(_ type: String, _ localID: String) -> Identity {
        guard let known = objects[localID], known.isImported || known.identity.hasType(type) else {
            return derived(type, localID)
        }
        return known.identity
    }

    /// Whether the object with this local id keeps the id it was imported with (which the input chose).
    package func isImported(_ localID: String) -> Bool { objects[localID]?.isImported == true }

    /// The identity of a derived object: a location, relationship, note, marking or the report itself.
    package func derived(_ type: String, _ localID: String) -> Identity {
        Identity(type: type, uuid: ownUUID(type, localID))
    }

    /// The STIX 2.1 type an actor is written as.
    package static func stixType(of actor: Actor) -> String {
        actor.kind == .threatActor ? "threat-actor" : "identity"
    }

    private static func hasImports(_ report: ThreatReport) -> Bool {
        report.actors.contains { $0.imported != nil } || report.intrusionSets.contains { $0.imported != nil }
            || report.campaigns.contains { $0.imported != nil } || report.partnerships.contains { $0.imported != nil }
            || report.incidents.contains { $0.imported != nil } || report.indicators.contains { $0.imported != nil }
            || report.observables.contains { $0.imported != nil } || report.malware.contains { $0.imported != nil } || report.tools.contains { $0.imported != nil }
    }

    private func ownUUID(_ type: String, _ localID: String) -> String {
        StableID.uuid(producer: producer, type: type, localID: localID)
    }
}
