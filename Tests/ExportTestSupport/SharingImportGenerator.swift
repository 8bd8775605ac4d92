public import Export

/// Objects to append to an exported STIX 2.1 bundle, for the sharing oracle's "Imported content" cases:
/// content the model has no place for (malware, indicators, notes, `uses` relationships) under TLP 1.0 and 2.0
/// ids, ACS nationality markings, a statement marking, a definition the bundle lacks, granular markings on
/// `description` (and sometimes `name`), and references to model objects and to each other.
public struct SharingImportGenerator {
    private var random: SplitMix64
    private var serial = 50_000

    /// The published TLP 2.0 definitions (in every exportctl bundle) by level.
    public static let tlp2 = [
        "clear": "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
        "green": "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
        "amber": "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
        "amber+strict": "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
        "red": "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
    ]
    /// The published TLP 1.0 definitions by level; appended with the content, since exportctl writes 2.0.
    public static let tlp1 = [
        "white": "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9",
        "green": "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da",
        "amber": "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82",
        "red": "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed",
    ]
    static let acsExtension = "extension-definition--3a65884d-005a-4290-8335-cb2d778a83ce"
    static let statement = "marking-definition--1d0f1a5c-0000-4000-8000-0000000000aa"
    static let missing = "marking-definition--1d0f1a5c-0000-4000-8000-0000000000bb"
    static let countries = ["USA", "GBR", "JPN", "IND", "VNM", "DEU", "FRA", "KOR"]

    /// Creates a generator: the same seed gives the same objects.
    public init(seed: UInt64) { random = SplitMix64(seed: seed) }

    /// Objects to append, given the model objects' STIX ids (`threat-actor`s among them, by type), and the
    /// tokens planted in each appended object's strings (`<stix id>` for the object, `<stix id>#description`).
    public mutating func objects(modelIDs: [String: String], threatActors: [String])
        -> (objects: [JSONValue], tokens: [String: [String]])
    {
        serial = 50_000
        var tokens: [String: [String]] = [:]
        func token(_ item: String, _ field: String) -> String {
            serial += 1
            tokens[item, default: []].append("\(field)Tok\(serial)")
            return "\(field)Tok\(serial)"
        }
        var objects: [JSONValue] = Self.tlp1.sorted(by: { $0.key < $1.key }).map { level, id in
            Self.object("marking-definition", id, ["name": .string("TLP:\(level.uppercased())"), "definition_type": "tlp",
                                                   "definition": .object(["tlp": .string(level)])])
        }
        objects.append(Self.object("marking-definition", Self.statement, [
            "definition_type": "statement", "definition": .object(["statement": "Copyright example"])]))
        var acs: [String] = []
        for index in 0..<3 {
            let id = "marking-definition--1d0f1a5c-0000-4000-8000-0000000001\(index)0"
            let nationalities = Self.countries.filter { _ in random.chance(0.3) }.map(JSONValue.string)
            objects.append(Self.object("marking-definition", id, ["extensions": .object([Self.acsExtension: .object([
                "extension_type": "property-extension", "identifier": .string("isa:guide.19001.ACS3-\(index)"),
                "create_date_time": "2023-11-01T00:00:00.000Z", "responsible_entity_custodian": "EXAMPLE",
                "policy_reference": "urn:isa:policy:acs:ns:v3.0?privdefault=permit&sharedefault=deny",
                "control_set": .object(["classification": "U", "permitted_nationalities": .array(nationalities)]),
            ])])]))
            acs.append(id)
        }
        var content: [String] = []
        let modelTargets = modelIDs.keys.sorted()
        for index in 0..<(1 + random.int(below: 4)) {
            let id = "malware--1d0f1a5c-0000-4000-8000-0000000002\(index)0"
            var fields: [String: JSONValue] = [
                "name": .string(token(id, "Malware")), "is_family": .bool(true),
                "description": .string(token(id + "#description", "Blurb")),
            ]
            fields.merge(markings(acs: acs)) { $1 }
            if random.chance(0.3) {
                let selector = random.chance(0.8) ? "description" : "name"
                fields["granular_markings"] = .array([.object([
                    "marking_ref": .string(Self.tlp2[["red", "clear", "amber"][random.int(below: 3)]] ?? ""),
                    "selectors": .array([.string(selector)]),
                ])])
            }
            objects.append(Self.object("malware", id, fields))
            content.append(id)
        }
        // Indicators built on domain names: the pattern and the value are tokens of their own, so a withheld
        // indicator's pattern or a withheld observable's value found in any output is a leak.
        for index in 0..<random.int(below: 3) {
            let domain = "domain-name--1d0f1a5c-0000-4000-8000-0000000005\(index)0"
            var address: [String: JSONValue] = ["value": .string(token(domain, "Value") + ".example")]
            address.merge(markings(acs: acs)) { $1 }
            var observable = Self.object("domain-name", domain, address).objectValue ?? [:]
            observable["created"] = nil  // observables have no timestamps
            observable["modified"] = nil
            objects.append(.object(observable))
            let indicator = "indicator--1d0f1a5c-0000-4000-8000-0000000006\(index)0"
            var fields: [String: JSONValue] = [
                "name": .string(token(indicator, "Indicator")), "pattern_type": "stix",
                "pattern": .string("[domain-name:value = '\(token(indicator, "Pattern")).example']"),
                "valid_from": "2023-11-01T00:00:00.000Z",
            ]
            fields.merge(markings(acs: acs)) { $1 }
            objects.append(Self.object("indicator", indicator, fields))
            let basedOn = "relationship--1d0f1a5c-0000-4000-8000-0000000007\(index)0"
            objects.append(Self.object("relationship", basedOn, [
                "relationship_type": "based-on", "source_ref": .string(indicator), "target_ref": .string(domain),
            ].merging(markings(acs: acs)) { $1 }))
            content += [indicator, domain]
        }
        for (index, actor) in threatActors.enumerated() where random.chance(0.7) {
            let id = "relationship--1d0f1a5c-0000-4000-8000-0000000003\(index)0"
            objects.append(Self.object("relationship", id, [
                "relationship_type": "uses", "source_ref": .string(actor),
                "target_ref": .string(content[random.int(below: content.count)]),
                "description": .string(token(id, "Uses")),
            ].merging(markings(acs: acs)) { $1 }))
        }
        for index in 0..<random.int(below: 3) {
            let id = "note--1d0f1a5c-0000-4000-8000-0000000004\(index)0"
            let pool = content + modelTargets
            objects.append(Self.object("note", id, [
                "content": .string(token(id, "Note")),
                "object_refs": .array([.string(pool[random.int(below: pool.count)])]),
            ].merging(markings(acs: acs)) { $1 }))
        }
        return (objects, tokens)
    }

    private mutating func markings(acs: [String]) -> [String: JSONValue] {
        var refs: [String] = []
        switch random.int(below: 10) {
        case 0: return [:]
        case 1: refs = [Self.statement]
        case 2: refs = [Self.missing]
        case 3, 4: refs = [Self.tlp1.values.sorted()[random.int(below: 4)]]
        default: refs = [Self.tlp2.values.sorted()[random.int(below: 5)]]
        }
        if random.chance(0.4) { refs.append(acs[random.int(below: acs.count)]) }
        if random.chance(0.15) { refs.append(acs[random.int(below: acs.count)]) }
        if random.chance(0.1) { refs.append(Self.tlp2.values.sorted()[random.int(below: 5)]) }
        var seen = Set<String>()
        return ["object_marking_refs": .array(refs.filter { seen.insert($0).inserted }.map(JSONValue.string))]
    }

    static func object(_ type: String, _ id: String, _ fields: [String: JSONValue]) -> JSONValue {
        var members: [String: JSONValue] = [
            "type": .string(type), "spec_version": "2.1", "id": .string(id),
            "created": "2023-11-01T00:00:00.000Z", "modified": "2023-11-01T00:00:00.000Z",
        ]
        if type == "marking-definition" { members["modified"] = nil }
        for (key, value) in fields { members[key] = value }
        return .object(members)
    }
}
