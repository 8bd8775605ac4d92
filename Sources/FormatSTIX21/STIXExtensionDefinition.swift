import ExportCore
import ExportSharing

/// The STIX extensions exportctl defines, and the third-party ones it writes and checks.
///
/// Each of ours has a fixed id and version, a description, and a JSON Schema in `Schemas/stix21/` whose
/// text is the definition's `schema` (so the bundle carries its own normative definition). A bundle ships
/// the definition object of every one of our extensions it uses, with the `exportctl` identity that
/// created them.
package struct STIXExtensionDefinition: Sendable, Hashable {
    /// The `extension-definition--<uuid>` id.
    let id: String
    /// The definition's `name`.
    let name: String
    /// The definition's `version` (semver).
    let version: String
    /// What it adds, for the definition's `description`.
    let description: String
    /// The schema file under `Schemas/`.
    let schemaFile: String

    /// Fields of report objects that STIX has no place for: local id, actor kind, dates with their
    /// precision, whether a marking was inherited, and a few per-type extras.
    static let object = STIXExtensionDefinition(
        id: "extension-definition--2666f06c-092a-4e41-8f8b-12e2db73ea52", name: "exportctl-object",
        version: "1.1.0",
        description: "exportctl report-object fields STIX 2.1 has no property for: the author's local id, the"
            + " actor kind, dates known only to a month or year, inherited markings, a link's own type, and"
            + " per-type extras.",
        schemaFile: "Schemas/stix21/exportctl-object.schema.json")

    /// A partnership carried on an `identity`: its kind, scope and establishment date.
    static let partnership = STIXExtensionDefinition(
        id: "extension-definition--acd539f0-1d3d-450d-878e-45a3dcb9e5b6", name: "exportctl-partnership",
        version: "1.0.0",
        description: "Marks an identity as a partnership (alliance, dialogue, trilateral, bilateral, initiative"
            + " or agreement) and carries its kind, scope and establishment date.",
        schemaFile: "Schemas/stix21/exportctl-partnership.schema.json")

    /// A member's role on a membership relationship (`part-of`, or `related-to` with `link_type` `member-of`).
    static let membership = STIXExtensionDefinition(
        id: "extension-definition--2a58b08c-2d38-4fbc-b732-ee44a4cdeaf7", name: "exportctl-membership",
        version: "1.0.0",
        description: "The member's role on a membership relationship from a member to a partnership identity.",
        schemaFile: "Schemas/stix21/exportctl-membership.schema.json")

    /// What the OASIS Incident Core Extension lacks: kind, when (with precision), outcome, impacts, and
    /// the exact status and determination when the core vocabulary is coarser.
    static let incident = STIXExtensionDefinition(
        id: "extension-definition--2d1e8e1b-00fd-41cb-8e6a-01922b00f257", name: "exportctl-incident",
        version: "1.0.0",
        description: "exportctl incident fields the Incident Core Extension lacks: kind, when (with its"
            + " precision), outcome, impacts, and the exact status and determination.",
        schemaFile: "Schemas/stix21/exportctl-incident.schema.json")

    /// Every extension exportctl defines, in the order bundles ship them.
    static let ours: [STIXExtensionDefinition] = [.object, .partnership, .membership, .incident]

    /// The identity that created our extension definitions (fixed, not the report's producer).
    package static let creatorID = "identity--7286313a-8714-4308-87ee-7193c4edf662"
    /// The fixed `created`/`modified` of our definitions and their creator.
    static let created = "2026-11-26T00:00:00.000Z"

    /// The OASIS Incident Core Extension (v2).
    static let incidentCoreID = "extension-definition--ef765651-680c-498d-9894-99799f2fa126"
    /// The TLP 2.0 marking extension.
    static let tlp2ID = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d"
    /// The ISA ACS 3.0 marking extension.
    static let acsID = "extension-definition--3a65884d-005a-4290-8335-cb2d778a83ce"

    /// The definition object, ready for a bundle.
    var object: JSONValue {
        .object([
            "type": "extension-definition", "spec_version": "2.1", "id": .string(id),
            "created": .string(Self.created), "modified": .string(Self.created),
            "created_by_ref": .string(Self.creatorID), "name": .string(name), "description": .string(description),
            "schema": .string(EmbeddedResources.files[schemaFile] ?? schemaFile), "version": .string(version),
            "extension_types": .array(["property-extension"]),
        ])
    }

    /// The identity object of the definitions' creator.
    static var creatorObject: JSONValue {
        .object([
            "type": "identity", "spec_version": "2.1", "id": .string(creatorID), "created": .string(created),
            "modified": .string(created), "name": "exportctl", "identity_class": "system",
            "description": "The exportctl project, which defines the exportctl-* STIX extensions.",
        ])
    }
}
