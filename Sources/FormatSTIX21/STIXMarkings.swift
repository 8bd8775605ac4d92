package import ExportCore

/// Marking-definition objects: the official TLP 2.0 ones and exportctl's ISA ACS 3.0 releasability markings.
package enum STIXMarkings {
    /// The official TLP 2.0 marking-definition id of each level (cti-stix-common-objects).
    package static func tlpID(_ tlp: TLP) -> String {
        switch tlp {
        case .clear: "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487"
        case .green: "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"
        case .amber: "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421"
        case .amberStrict: "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003"
        case .red: "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1"
        }
    }

    /// The level an official TLP 2.0 marking-definition id stands for.
    static func tlp(forID id: String) -> TLP? { TLP.allCases.first { tlpID($0) == id } }

    /// The TLP 2.0 marking-definition object, exactly as cti-stix-common-objects publishes it.
    static func tlpObject(_ tlp: TLP) -> JSONValue {
        .object([
            "type": "marking-definition", "spec_version": "2.1", "id": .string(tlpID(tlp)),
            "created": "2022-10-01T00:00:00.000Z", "name": .string(tlp.label),
            "extensions": .object([
                STIXExtensionDefinition.tlp2ID: .object([
                    "extension_type": "property-extension", "tlp_2_0": .string(tlp.rawValue),
                ])
            ]),
        ])
    }

    /// The local id of the ACS marking for a releasable-to list (the list as written, in order).
    static func acsLocalID(_ releasees: [Releasee]) -> String {
        "releasable-to:" + releasees.map(\.text).joined(separator: ",")
    }

    /// An ISA ACS 3.0 marking that releases to the given nationalities (alpha-3 trigraphs).
    ///
    /// Parties (partnerships, actors) in the authored list are expanded to their members' countries by the
    /// caller; the authored list itself rides in our object extension so that the marking reads back
    /// exactly as written.
    static func acsObject(
        id: String, releasees: [Releasee], nationalities: [String], created: String, producerRef: String,
        custodian: String
    ) -> JSONValue {
        var controlSet: [String: JSONValue] = ["classification": "U"]
        if !nationalities.isEmpty { controlSet["permitted_nationalities"] = .array(nationalities.map(JSONValue.string)) }
        let uuid = String(id.dropFirst("marking-definition--".count))
        // The name lists the countries the marking reaches, as every format names them; the authored list
        // (party ids) rides only in our extension, for the round trip.
        let name = "REL TO " + (nationalities.isEmpty ? "none" : nationalities.joined(separator: ", "))
        let acs: JSONValue = .object([
            "extension_type": "property-extension",
            "identifier": .string("isa:guide.19001.ACS3-" + uuid),
            "name": .string(name),
            "create_date_time": .string(created),
            "responsible_entity_custodian": .string(custodian),
            "policy_reference": "urn:isa:policy:acs:ns:v3.0?privdefault=permit&sharedefault=deny",
            "control_set": .object(controlSet),
        ])
        let ours: JSONValue = .object([
            "extension_type": "property-extension",
            "releasable_to": .array(releasees.map { .string($0.text) }),
        ])
        return .object([
            "type": "marking-definition", "spec_version": "2.1", "id": .string(id), "created": .string(created),
            "created_by_ref": .string(producerRef),
            "name": .string(name),
            "extensions": .object([STIXExtensionDefinition.acsID: acs, STIXExtensionDefinition.object.id: ours]),
        ])
    }
}
