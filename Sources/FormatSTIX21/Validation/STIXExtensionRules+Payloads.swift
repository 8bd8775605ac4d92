import ExportCore

/// Checks one extension payload, collecting findings at the payload's properties.
struct PayloadRules {
    let payload: LocatedJSON
    let name: String
    var check: STIXCheck

    private mutating func fail(_ message: String, at value: LocatedJSON? = nil) {
        check.error("\(name) extension: \(message)", at: value ?? payload)
    }

    private mutating func requireString(_ key: String, in object: LocatedJSON? = nil, among values: Set<String>? = nil) {
        let container = object ?? payload
        guard let value = container[key] else {
            fail("'\(key)' is required", at: container)
            return
        }
        guard let text = value.string else {
            fail("'\(key)' must be a string", at: value)
            return
        }
        if let values, !values.contains(text) {
            fail("'\(key)' \(text) is not one of \(values.sorted().joined(separator: ", "))", at: value)
        }
    }

    mutating func tlp2(_ object: STIXObjectView) {
        let levels = Set(TLP.allCases.map(\.rawValue))
        requireString("tlp_2_0", among: levels)
        if let id = object["id"]?.string, let official = STIXMarkings.tlp(forID: id),
            let value = payload["tlp_2_0"], value.string != official.rawValue
        {
            fail("\(id) is the official \(official.label) marking, but says '\(value.string ?? "")'", at: value)
        }
    }

    mutating func acs() {
        for key in ["identifier", "responsible_entity_custodian", "policy_reference"] { requireString(key) }
        requireString("create_date_time")
        if let created = payload["create_date_time"]?.string, STIXSyntax.fractionDigits(ofTimestamp: created) == nil {
            fail("'create_date_time' is not a UTC timestamp", at: payload["create_date_time"])
        }
        if let policy = payload["policy_reference"], let text = policy.string, !text.hasPrefix("urn:isa:policy:acs:ns:v3.0") {
            fail("'policy_reference' must be an urn:isa:policy:acs:ns:v3.0 reference", at: policy)
        }
        guard let controls = payload["control_set"], controls.members != nil else {
            fail("'control_set' is required and must be an object", at: payload["control_set"])
            return
        }
        requireString("classification", in: controls, among: ["U", "C", "S", "TS"])
        for code in controls["permitted_nationalities"]?.elements ?? [] {
            let text = code.string ?? ""
            if text != "ALL", text.count != 3 || CountryCode(text) == nil {
                fail("'permitted_nationalities' entry '\(text)' is not a trigraph country code", at: code)
            }
        }
    }

    mutating func incidentCore() {
        requireString(
            "determination",
            among: ["blocked", "failed-attempt", "false-positive", "low-value", "successful-attempt", "suspected"])
        requireString("investigation_status")
        if let value = payload["criticality"] {
            if case .number(let text, true) = value.kind, let number = Int(text), (0...100).contains(number) {} else {
                fail("'criticality' must be an integer from 0 to 100", at: value)
            }
        }
        for key in ["incident_types", "detection_methods"] {
            guard let value = payload[key] else { continue }
            guard let elements = value.elements, !elements.isEmpty, elements.allSatisfy({ $0.string != nil }) else {
                fail("'\(key)' must be a non-empty list of strings", at: value)
                continue
            }
        }
    }

    /// Checks a payload against one of our own schemas (`required`, `additionalProperties: false`,
    /// and per property `const`, `enum`, `type`, `minItems`, `items.type`).
    mutating func ours(_ schema: STIXPayloadSchema) {
        for key in schema.required where payload[key] == nil { fail("'\(key)' is required") }
        for member in payload.members ?? [] {
            guard let rule = schema.properties[member.key] else {
                fail("'\(member.key)' is not a property of this extension", at: member.value)
                continue
            }
            if let problem = rule.problem(member.value) { fail("'\(member.key)' \(problem)", at: member.value) }
        }
    }
}

/// exportctl's extension schemas, read from the embedded `Schemas/stix21/` files (the one source of truth).
enum STIXOwnExtensionSchemas {
    static let object = load(STIXExtensionDefinition.object)
    static let partnership = load(STIXExtensionDefinition.partnership)
    static let membership = load(STIXExtensionDefinition.membership)
    static let incident = load(STIXExtensionDefinition.incident)

    private static func load(_ definition: STIXExtensionDefinition) -> STIXPayloadSchema {
        let text = EmbeddedResources.files[definition.schemaFile] ?? "{}"
        return STIXPayloadSchema((try? LocatedJSONReader.read(Array(text.utf8)).value) ?? .object([:]))
    }
}
