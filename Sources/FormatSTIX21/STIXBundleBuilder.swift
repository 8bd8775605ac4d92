import ExportCore
import ExportSharing

/// Turns one report, object by object, into STIX 2.1 objects, remembering what the bundle must ship with
/// them (marking definitions, extension definitions, country locations) and which ids the report lists.
///
/// The writer asks for one model object at a time and streams what comes back, so memory holds the
/// report, the id index and the list of ids, never the serialised bundle.
package struct STIXBundleBuilder {
    let report: ThreatReport
    /// The producer identity's id: every object exportctl creates has it as `created_by_ref`.
    let producerRef: String
    /// `created` and `modified` of every object: the report's date.
    let timestamp: String
    /// The ACS responsible-entity custodian token.
    let custodian: String
    /// The consumer the bundle is tuned for.
    let profile: STIXProfile

    /// The STIX type and id of every modelled object (imported ones keep theirs), as every format names them.
    let identities: IdentityIndex
    /// Local id → STIX id of the locations the builder derives (a country, an incident's place).
    var placeIDs: [String: String] = [:]
    /// Local id → the entity type OpenCTI gives the object, for the relationship types it accepts.
    var consumerTypes: [String: STIXRelationshipTyping.ConsumerType] = [:]

    var usedTLP: Set<TLP> = []
    /// A vendor's TLP definition (read as its level, ``MarkingDefinition/variant``) → the spec's TLP 2.0
    /// definition for that level, which replaces it in what the bundle writes: a consumer following the spec
    /// does not know the vendor's id, and stix2-validator rejects the definition.
    private let specTLP: [String: String]
    private(set) var acsMarkings: [(id: String, releasees: [Releasee])] = []
    /// ACS marking local id → its STIX id: deriving the id (a SHA-1) once per distinct list, not once per object.
    private var acsIDs: [String: String] = [:]
    private(set) var usedExtensions: Set<String> = []
    /// The report's sources by id (first one wins, as the authoring checks refuse duplicates).
    private let sources: [String: Source]
    private var emittedIDs: Set<String> = []
    /// The ids the report object lists, in bundle order.
    private(set) var objectRefs: [String] = []
    /// What STIX could not carry, by kind.
    private(set) var notCarried: [String: Int] = [:]
    /// Evidence notes built but not yet written (``noteEvidence(_:about:localID:marking:)``).
    var evidenceNotes: [JSONObjectBuilder] = []

    init(report: ThreatReport, custodian: String?, profile: STIXProfile = .standard) {
        self.report = report
        self.profile = profile
        self.specTLP = report.markingDefinitions.compactMapValues { definition in
            definition.variant == nil ? nil : definition.tlp.map(STIXMarkings.tlpID)
        }
        self.timestamp = STIXTimestamp.start(report.published)
        self.identities = IdentityIndex(report)
        self.producerRef = identities.derived("identity", StableID.producerLocalID).stixID
        self.custodian = custodian ?? report.producer.id.uppercased()
        self.sources = Dictionary(report.sources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for actor in report.actors { consumerTypes[actor.id] = STIXRelationshipTyping.consumerType(of: actor) }
        for activity in report.intrusionSets { consumerTypes[activity.id] = .intrusionSet }
        for activity in report.campaigns { consumerTypes[activity.id] = .campaign }
        for partnership in report.partnerships { consumerTypes[partnership.id] = .organization }
        for incident in report.incidents { consumerTypes[incident.id] = .incident }
    }

    /// The object with its marking refs (object and granular) mapped through `replacements`.
    static func replacingMarkingRefs(in object: JSONValue, _ replacements: [String: String]) -> JSONValue {
        guard var members = object.objectValue else { return object }
        func mapped(_ ref: JSONValue) -> JSONValue { ref.stringValue.flatMap { replacements[$0] }.map(JSONValue.string) ?? ref }
        if let refs = members["object_marking_refs"]?.arrayValue { members["object_marking_refs"] = .array(refs.map(mapped)) }
        if let granular = members["granular_markings"]?.arrayValue {
            members["granular_markings"] = .array(granular.map { marking in
                guard var entry = marking.objectValue, let ref = entry["marking_ref"] else { return marking }
                entry["marking_ref"] = mapped(ref)
                return .object(entry)
            })
        }
        return .object(members)
    }

    /// The stable STIX id of a derived object (relationship, location, note, marking, the report, the bundle).
    func id(_ type: String, _ localID: String) -> String { identities.derived(type, localID).stixID }

    /// The STIX id of a modelled object or of a location derived so far; `nil` for anything else.
    func ref(_ localID: String) -> String? { identities.identity(of: localID)?.stixID ?? placeIDs[localID] }

    /// Whether an id was already emitted; records it when not (relationships may repeat).
    mutating func claim(_ id: String) -> Bool { emittedIDs.insert(id).inserted }

    /// Adds an id to the report's `object_refs`.
    mutating func list(_ id: String) { objectRefs.append(id) }

    mutating func skip(_ kind: String) { notCarried[kind, default: 0] += 1 }

    mutating func use(_ extensionID: String) { usedExtensions.insert(extensionID) }

    /// An imported object, written back unchanged; `nil` when its id was already written.
    mutating func verbatim(_ object: JSONValue) -> JSONObjectBuilder? {
        guard let id = object["id"]?.stringValue, specTLP[id] == nil, claim(id) else { return nil }
        var object = specTLP.isEmpty ? object : Self.replacingMarkingRefs(in: object, specTLP)
        // Every TLP 2.0 level the object references ships its definition (OpenCTI drops a bare reference),
        // granular markings included. A releasable-to definition is not kept as it came but regenerated (the
        // reader drops it): the object points at the regenerated one, which then ships even when no modelled
        // object uses it; else the object would keep a reference to a definition the bundle lacks.
        var regenerated: [String: String] = [:]
        for ref in ImportedJSON.markingRefs(of: object.objectValue ?? [:]) {
            if let tlp = STIXMarkings.tlp(forID: ref) {
                usedTLP.insert(tlp)
            } else if let releasees = report.markingDefinitions[ref]?.releasableTo, !releasees.isEmpty {
                let acsID = acsID(releasees)
                if acsID != ref { regenerated[ref] = acsID }
            }
        }
        if !regenerated.isEmpty { object = Self.replacingMarkingRefs(in: object, regenerated) }
        let type = object["type"]?.stringValue ?? ""
        if !["marking-definition", "extension-definition", "language-content"].contains(type) { list(id) }
        return JSONObjectBuilder(object)
    }

    /// The marking-definition ids for a marking, recording which definitions the bundle must ship.
    mutating func markingRefs(_ marking: Marking?) -> [String] {
        guard let marking else { return [] }
        // Most objects in a row carry the report default: comparing with the last marking is constant time when
        // they share storage, where the ACS local id below joins the whole list.
        if let lastRefs, lastRefs.marking == marking { return lastRefs.refs }
        let refs = markingRefsAnew(marking)
        lastRefs = (marking, refs)
        return refs
    }

    private var lastRefs: (marking: Marking, refs: [String])? = nil

    private mutating func markingRefsAnew(_ marking: Marking) -> [String] {
        usedTLP.insert(marking.tlp)
        guard !marking.releasableTo.isEmpty else { return [STIXMarkings.tlpID(marking.tlp)] }
        return [STIXMarkings.tlpID(marking.tlp), acsID(marking.releasableTo)]
    }

    /// The id of the ACS marking that releases to `releasees`, recorded so that the bundle ships it.
    private mutating func acsID(_ releasees: [Releasee]) -> String {
        let localID = STIXMarkings.acsLocalID(releasees)
        if let known = acsIDs[localID] { return known }
        let acsID = id("marking-definition", localID)
        acsIDs[localID] = acsID
        acsMarkings.append((acsID, releasees))
        return acsID
    }

    /// Whether any object exportctl created (and so its producer identity) is in the bundle.
    private(set) var createsObjects = false

    /// The properties every object exportctl creates shares, with its marking refs.
    mutating func common(
        type: String, id: String, marking: Marking?, confidence: Int? = nil, sources: [String] = []
    ) -> JSONObjectBuilder {
        createsObjects = true
        var object = JSONObjectBuilder()
        object["type"] = .string(type)
        object["spec_version"] = "2.1"
        object["id"] = .string(id)
        object["created"] = .string(timestamp)
        object["modified"] = .string(timestamp)
        object["created_by_ref"] = .string(producerRef)
        object.strings("object_marking_refs", markingRefs(marking))
        object.label = marking
        object["confidence"] = confidence.map(JSONValue.int)
        object.list("external_references", sources.map(externalReference))
        return object
    }

    /// A cited source as an external reference; an id the report does not list is kept as the name.
    func externalReference(_ sourceID: String) -> JSONValue {
        guard let source = sources[sourceID] else {
            return .object(["source_name": .string(sourceID), "external_id": .string(sourceID)])
        }
        return source.externalReference
    }

    /// Attaches extension payloads, recording which definitions the bundle needs.
    mutating func attach(_ extensions: [(id: String, payload: JSONObjectBuilder)], to object: inout JSONObjectBuilder) {
        var members = object["extensions"]?.objectValue ?? [:]
        for (id, payload) in extensions where !payload.members.isEmpty {
            var payload = payload
            payload["extension_type"] = "property-extension"
            members[id] = payload.value
            use(id)
        }
        if !members.isEmpty { object["extensions"] = .object(members) }
    }
}

extension Source {
    var externalReference: JSONValue {
        var object = JSONObjectBuilder()
        object["source_name"] = .string(name)
        object["external_id"] = .string(id)
        object["url"] = url.map(JSONValue.string)
        object["description"] = description.map(JSONValue.string)
        if let sha256 { object["hashes"] = .object(["SHA-256": .string(sha256)]) }
        return object.value
    }
}
