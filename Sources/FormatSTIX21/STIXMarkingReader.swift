package import ExportCore
import ExportSharing

/// Reads the marking definitions of a STIX 2.1 input as the sharing policy needs them.
///
/// exportctl understands the TLP 1.0 and 2.0 definitions by their published ids, its own releasability
/// marking, and ISA ACS 3.0 markings that say no more than "unclassified, releasable to these nationalities".
/// A vendor's TLP definition under its own id (OpenCTI's `TLP:CLEAR` and `TLP:AMBER+STRICT`) is read as its
/// level when it says nothing but that level, consistently in its definition and name; the reader warns.
/// Everything else — statements, other definition types, a vendor TLP definition that says more or disagrees
/// with its name, ACS controls beyond nationality, a definition the input references but lacks — is read as
/// not understood, and the sharing policy releases nothing under it.
package enum STIXMarkingReader {
    package typealias Object = [String: JSONValue]

    /// The spec's TLP 1.0 definitions by id (one table, the validator's).
    private static let tlp1: [String: TLP] = STIXRequiredProperties.tlp1Levels.compactMapValues(tlpLevel)

    /// The ACS extension members that carry no restriction of their own.
    private static let acsDescriptive: Set<String> = [
        "extension_type", "identifier", "name", "create_date_time", "responsible_entity_custodian",
        "responsible_entity_originator", "policy_reference", "control_set", "authority_reference",
    ]

    /// How the definition `id` reads; `definition` is the object the input holds under that id, if any.
    package static func read(_ id: String, definition: Object?) -> MarkingDefinition {
        if let level = STIXMarkings.tlp(forID: id) ?? tlp1[id] {
            // A copy under a spec id that states another level reads as the stricter of the two.
            let stated = definition.flatMap(statedTLP) ?? level
            return MarkingDefinition(tlp: max(level, stated))
        }
        guard let definition else {
            return MarkingDefinition(notUnderstood: "'\(id)', which the input does not include")
        }
        let name = definition["name"]?.stringValue.map { " ('\($0)')" } ?? ""
        if let level = vendorTLP(definition) {
            var read = MarkingDefinition(tlp: level)
            read.variant = "'\(id)'\(name)"
            return read
        }
        let ours = definition["extensions"]?[STIXExtensionDefinition.object.id]?["releasable_to"]?.arrayValue
        let extensionIDs = Set((definition["extensions"]?.objectValue ?? [:]).keys)
        let onlyOurs = definition["definition_type"] == nil && definition["definition"] == nil
            && extensionIDs.isSubset(of: [STIXExtensionDefinition.object.id, STIXExtensionDefinition.acsID])
        // Our extension is read as an authored list only on a definition that says nothing else: anyone can
        // write it, and it must not turn a statement or a stricter ACS marking into a plain list.
        let acsUnderstood = definition["extensions"]?[STIXExtensionDefinition.acsID]?.objectValue
            .map { readACS($0, id: id, name: name).notUnderstood == nil } ?? true
        if let ours, !ours.isEmpty, onlyOurs, acsUnderstood {
            let entries = ours.compactMap(\.stringValue).map(releasee)
            return MarkingDefinition(releasableTo: entries, isAuthored: true)
        }
        if let acs = definition["extensions"]?[STIXExtensionDefinition.acsID]?.objectValue {
            return readACS(acs, id: id, name: name)
        }
        let kind = definition["definition_type"]?.stringValue.map { "a '\($0)' marking" } ?? "a marking"
        return MarkingDefinition(notUnderstood: "\(kind) '\(id)'\(name)")
    }

    /// The level of a vendor's TLP definition that states one level and nothing else: `definition_type` `tlp`
    /// (any case) with `definition` `{"tlp": "clear"}` (any case, `TLP:` prefix allowed), or only the TLP 2.0
    /// extension; a `name`, if any, must name the same level. `nil` otherwise.
    private static func vendorTLP(_ definition: Object) -> TLP? {
        // OpenCTI's own properties describe the marking (order, colour, and its definition again, checked below).
        let allowed: Set<String> = [
            "type", "spec_version", "id", "created", "created_by_ref", "name", "definition_type", "definition",
            "extensions", "object_marking_refs", "external_references", "x_opencti_id", "x_opencti_order",
            "x_opencti_color", "x_opencti_definition_type", "x_opencti_definition",
        ]
        guard definition.keys.allSatisfy(allowed.contains), let level = statedTLP(definition) else { return nil }
        for key in ["name", "x_opencti_definition"] {
            if let named = definition[key], named.stringValue.flatMap(tlpLevel) != level { return nil }
        }
        return level
    }

    /// The one level a TLP definition states, in its `definition` or its TLP 2.0 extension and nothing else.
    private static func statedTLP(_ definition: Object) -> TLP? {
        if let type = definition["definition_type"]?.stringValue {
            guard type.lowercased() == "tlp", let body = definition["definition"]?.objectValue, body.count == 1,
                  let (key, value) = body.first, key.lowercased() == "tlp", definition["extensions"] == nil
            else { return nil }
            return value.stringValue.flatMap(tlpLevel)
        }
        guard definition["definition"] == nil, let extensions = definition["extensions"]?.objectValue, extensions.count == 1,
              let payload = extensions[STIXExtensionDefinition.tlp2ID]?.objectValue,
              Set(payload.keys).isSubset(of: ["extension_type", "tlp_2_0"])
        else { return nil }
        return payload["tlp_2_0"]?.stringValue.flatMap(tlpLevel)
    }

    /// `clear`, `TLP:WHITE`, `amber+strict`… as a level; `nil` for anything else.
    private static func tlpLevel(_ text: String) -> TLP? {
        var word = text.lowercased()
        if word.hasPrefix("tlp:") { word.removeFirst(4) }
        if word == "white" { return .clear }
        return TLP(rawValue: word)
    }

    /// An ACS marking is understood only as "unclassified, releasable to these nationalities".
    private static func readACS(_ acs: Object, id: String, name: String) -> MarkingDefinition {
        let extra = acs.keys.filter { !acsDescriptive.contains($0) }.sorted()
        let controls = acs["control_set"]?.objectValue ?? [:]
        let extraControls = controls.keys.filter { $0 != "classification" && $0 != "permitted_nationalities" }.sorted()
        guard extra.isEmpty, extraControls.isEmpty, controls["classification"]?.stringValue == "U" else {
            let what = (extra + extraControls.map { "control_set." + $0 }).first ?? "classification"
            return MarkingDefinition(notUnderstood: "an ACS marking '\(id)'\(name) with '\(what)'")
        }
        var entries: [Releasee] = []
        for value in controls["permitted_nationalities"]?.arrayValue ?? [] {
            guard let text = value.stringValue, text.count == 3, let code = CountryCode(text) else {
                return MarkingDefinition(notUnderstood: "an ACS marking '\(id)'\(name) with a nationality that is no ISO code")
            }
            entries.append(.country(code))
        }
        return MarkingDefinition(releasableTo: entries)
    }

    /// A releasable-to entry as our marking writes it: an alpha-3 code, else a party id.
    static func releasee(_ text: String) -> Releasee {
        if text.count == 3, text == text.uppercased(), let code = CountryCode(text) { return .country(code) }
        return .party(text)
    }
}
