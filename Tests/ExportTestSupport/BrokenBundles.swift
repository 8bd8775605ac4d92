public import Export

/// Seeded mutations of a valid bundle, each breaking one STIX 2.1 rule that stix2-validator also enforces.
public enum BrokenBundles {
    /// One broken bundle: a name saying what was broken, and the document.
    public struct Case: Sendable {
        public var name: String
        public var bundle: JSONValue
    }

    /// What each type we emit must have (`spec_version` aside: stix2-validator reads its absence as 2.0).
    public static let requiredByType: [String: [String]] = [
        "identity": ["type", "id", "created", "modified", "name"],
        "threat-actor": ["type", "id", "created", "modified", "name"],
        "intrusion-set": ["type", "id", "created", "modified", "name"],
        "campaign": ["type", "id", "created", "modified", "name"],
        "location": ["type", "id", "created", "modified", "country"],
        "incident": ["type", "id", "created", "modified", "name"],
        "relationship": ["type", "id", "created", "modified", "relationship_type", "source_ref", "target_ref"],
        "report": ["type", "id", "created", "modified", "name", "published", "object_refs"],
        "marking-definition": ["type", "id", "created", "extensions"],
        "extension-definition": ["type", "id", "created", "modified", "name", "schema", "version", "extension_types"],
    ]

    /// Rules exportctl enforces and stix2-validator does not (each has its own test and README line).
    public static let stricterCases: [String] = [
        "object without spec_version", "duplicate marking ref", "created_by_ref to a threat actor",
        "marking ref to an identity", "extension-definition without created_by_ref", "TLP 2.0 marking with a wrong level",
        "ACS marking without control_set", "Incident Core determination not in its enumeration",
        "exportctl-object extension with an unknown property", "exportctl-partnership extension without kind",
    ]

    /// The bundle broken in one of the ``stricterCases`` ways.
    public static func stricter(_ name: String, from bundle: JSONValue) -> JSONValue? {
        guard var root = bundle.objectValue, var objects = root["objects"]?.arrayValue else { return nil }
        func index(_ predicate: (JSONValue) -> Bool) -> Int? { objects.firstIndex(where: predicate) }
        func type(_ type: String) -> (JSONValue) -> Bool { { $0["type"]?.stringValue == type } }
        func withExtension(_ id: String) -> (JSONValue) -> Bool { { $0["extensions"]?[id] != nil } }
        func change(_ position: Int?, _ edit: (inout [String: JSONValue]) -> Void) -> JSONValue? {
            guard let position, var object = objects[position].objectValue else { return nil }
            edit(&object)
            objects[position] = .object(object)
            root["objects"] = .array(objects)
            return .object(root)
        }
        func changeExtension(_ id: String, _ edit: @escaping (inout [String: JSONValue]) -> Void) -> JSONValue? {
            change(index(withExtension(id))) { object in
                guard var extensions = object["extensions"]?.objectValue, var payload = extensions[id]?.objectValue
                else { return }
                edit(&payload)
                extensions[id] = .object(payload)
                object["extensions"] = .object(extensions)
            }
        }
        let someIdentity = "identity--2f0c1a7e-3b54-4c8e-9a0f-4e2b7c91d305"
        switch name {
        case "object without spec_version":
            // stix2-validator reads such an object as STIX 2.0, whose rules want UUIDv4 ids: a small bundle of its own.
            return .object([
                "type": "bundle", "id": "bundle--8a0d3b7e-5c4f-4a51-9c1e-0d6b2f3a4e5c",
                "objects": .array([
                    .object([
                        "type": "identity", "id": "identity--5f2c9d4e-7a1b-4c3d-8e9f-0a1b2c3d4e5f",
                        "created": "2023-11-15T00:00:00.000Z", "modified": "2023-11-15T00:00:00.000Z",
                        "name": "Example CERT", "identity_class": "organization",
                    ])
                ]),
            ])
        case "duplicate marking ref":
            return change(index(type("threat-actor"))) { object in
                let refs = object["object_marking_refs"]?.arrayValue ?? []
                object["object_marking_refs"] = .array(refs + refs.prefix(1))
            }
        case "created_by_ref to a threat actor":
            return change(index(type("campaign"))) { $0["created_by_ref"] = "threat-actor--2f0c1a7e-3b54-4c8e-9a0f-4e2b7c91d305" }
        case "marking ref to an identity":
            return change(index(type("campaign"))) { $0["object_marking_refs"] = .array([.string(someIdentity)]) }
        case "extension-definition without created_by_ref":
            return change(index(type("extension-definition"))) { $0["created_by_ref"] = nil }
        case "TLP 2.0 marking with a wrong level":
            return changeExtension("extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d") { $0["tlp_2_0"] = "white" }
        case "ACS marking without control_set":
            return changeExtension("extension-definition--3a65884d-005a-4290-8335-cb2d778a83ce") { $0["control_set"] = nil }
        case "Incident Core determination not in its enumeration":
            return changeExtension("extension-definition--ef765651-680c-498d-9894-99799f2fa126") {
                $0["determination"] = "confirmed"
            }
        case "exportctl-object extension with an unknown property":
            return changeExtension("extension-definition--2666f06c-092a-4e41-8f8b-12e2db73ea52") { $0["colour"] = "red" }
        case "exportctl-partnership extension without kind":
            return changeExtension("extension-definition--acd539f0-1d3d-450d-878e-45a3dcb9e5b6") { $0["kind"] = nil }
        default: return nil
        }
    }

    /// Every case for a valid bundle: each required property removed from the first object of each type,
    /// then timestamp and identifier rules broken.
    public static func cases(from bundle: JSONValue) -> [Case] {
        guard let objects = bundle["objects"]?.arrayValue else { return [] }
        var cases: [Case] = []
        func mutate(_ name: String, _ index: Int, _ change: (inout [String: JSONValue]) -> Void) {
            guard var object = objects[index].objectValue, var root = bundle.objectValue else { return }
            change(&object)
            var copy = objects
            copy[index] = .object(object)
            root["objects"] = .array(copy)
            cases.append(Case(name: name, bundle: .object(root)))
        }
        func first(_ type: String) -> Int? { objects.firstIndex { $0["type"]?.stringValue == type } }
        for (type, properties) in requiredByType.sorted(by: { $0.key < $1.key }) {
            guard let index = first(type) else { continue }
            for property in properties {
                mutate("\(type) without \(property)", index) { $0[property] = nil }
            }
        }
        guard let actor = first("threat-actor"), let relationship = first("relationship"), let report = first("report")
        else { return cases }
        let timestamps: [(String, String, JSONValue)] = [
            ("created without fraction", "created", "2023-11-15T00:00:00Z"),
            ("created with one fractional digit", "created", "2023-11-15T00:00:00.1Z"),
            ("created with an offset", "created", "2023-11-15T00:00:00.000+00:00"),
            ("created on a day that does not exist", "created", "2023-02-30T00:00:00.000Z"),
            ("modified before created", "modified", "2001-01-01T00:00:00.000Z"),
            ("modified as a number", "modified", .int(20231115)),
            ("first_seen not a timestamp", "first_seen", "1983"),
        ]
        for (name, key, value) in timestamps { mutate("threat-actor \(name)", actor) { $0[key] = value } }
        mutate("report published as a date", report) { $0["published"] = "2023-11-15" }
        let ids: [(String, Int, String, JSONValue)] = [
            ("id with a short UUID", actor, "id", "threat-actor--1234"),
            ("id with a version 0 UUID", actor, "id", "threat-actor--2f0c1a7e-0000-0000-8000-000000000000"),
            ("id with one dash", actor, "id", "threat-actor-2f0c1a7e-3b54-4c8e-9a0f-4e2b7c91d305"),
            ("id with upper-case type", actor, "id", "Threat-Actor--2f0c1a7e-3b54-4c8e-9a0f-4e2b7c91d305"),
            ("source_ref malformed", relationship, "source_ref", "identity--not-a-uuid"),
            ("confidence above 100", actor, "confidence", .int(101)),
            ("object_refs empty", report, "object_refs", .array([])),
        ]
        for (name, index, key, value) in ids { mutate(name, index) { $0[key] = value } }
        if var root = bundle.objectValue {
            root["id"] = "bundle--xyz"
            cases.append(Case(name: "bundle id malformed", bundle: .object(root)))
        }
        return cases
    }
}
