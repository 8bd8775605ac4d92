import ExportCore
import ExportSharing

/// Per-type rules: required properties, the shape of locations and relationships, and the refs lists.
enum STIXTypeRules {
    static func check(
        _ object: STIXObjectView, category: STIXObjectRules.Category, check: inout STIXCheck,
        references: inout STIXReferences
    ) {
        for property in required(object.type) where object[property] == nil {
            check.error("\(object.type) \(object.label) has no '\(property)'", at: object.json)
        }
        switch object.type {
        case "location": location(object, check: &check)
        case "relationship": relationship(object, check: &check, references: &references)
        case "sighting":
            if let ref = object["sighting_of_ref"] {
                STIXObjectRules.reference(ref, property: "sighting_of_ref", check: &check, references: &references)
            }
        case "marking-definition":
            if object["extensions"] == nil, object["definition_type"] == nil || object["definition"] == nil {
                check.error(
                    "a marking definition without 'extensions' needs 'definition_type' and 'definition'", at: object.json)
            }
            tlpDefinition(object, check: &check)
        case "extension-definition":
            let types = STIXObjectRules.list(object["extension_types"], property: "extension_types", check: &check, nonEmpty: true)
            for element in types where !extensionTypes.contains(element.string ?? "") {
                check.error("'\(element.string ?? element.kindName)' is not an extension type", at: element)
            }
        default: break
        }
        for property in ["object_refs"] where object[property] != nil {
            let nonEmpty = ["report", "grouping", "note", "opinion"].contains(object.type)
            for element in STIXObjectRules.list(object[property], property: property, check: &check, nonEmpty: nonEmpty) {
                listElement(element, property: property, check: &check, references: &references)
            }
        }
        if category == .custom, !declaresNewType(object) {
            check.warning(
                "'\(object.type)' is not a STIX 2.1 type and has no extension definition for it", at: object.json,
                hint: "define it with an extension-definition and \"extensions\": {<id>: {\"extension_type\": \"new-sdo\"}}")
        }
    }

    /// A `tlp` marking definition must be one of the four the spec defines (as stix2-validator requires): a
    /// vendor's own TLP:CLEAR under another id is not TLP for a consumer that follows the spec. The sharing
    /// layer still reads such a variant as its level, with a warning (``STIXMarkingReader``).
    private static func tlpDefinition(_ object: STIXObjectView, check: inout STIXCheck) {
        guard object["definition_type"]?.string == "tlp", let id = object["id"]?.string else { return }
        let level = object["definition"]?["tlp"]?.string ?? ""
        guard STIXRequiredProperties.tlp1Levels[id] != level else { return }
        // Import reads it (the sharing layer knows the level, and the reader warns); validation holds the MUST.
        guard !check.readsVendorVariants else { return }
        check.error(
            "TLP marking definition \(id) ('\(level)') is not one of those the STIX specification defines", at: object.json,
            hint: "refer to the spec's TLP marking definitions by their ids (TLP 2.0: the OASIS definitions) instead")
    }

    /// Checks one element of a refs list; also called on the elements a streamed read hands out one by one
    /// (``JSONStreamScanner/Item/listElement(property:_:)``), which the object no longer holds.
    static func listElement(
        _ element: LocatedJSON, property: String, check: inout STIXCheck, references: inout STIXReferences
    ) {
        STIXObjectRules.reference(element, property: property, check: &check, references: &references)
    }

    static let extensionTypes: Set<String> = [
        "new-sdo", "new-sco", "new-sro", "property-extension", "toplevel-property-extension",
    ]

    private static func required(_ type: String) -> [String] {
        STIXRequiredProperties.kinds[type]?.required ?? []
    }

    private static func declaresNewType(_ object: STIXObjectView) -> Bool {
        (object["extensions"]?.members ?? []).contains { member in
            ["new-sdo", "new-sco", "new-sro"].contains(member.value["extension_type"]?.string ?? "")
        }
    }

    private static func location(_ object: STIXObjectView, check: inout STIXCheck) {
        let latitude = object["latitude"], longitude = object["longitude"]
        if object["region"] == nil, object["country"] == nil, latitude == nil || longitude == nil {
            check.error("a location needs 'region', 'country', or both 'latitude' and 'longitude'", at: object.json)
        }
        if (latitude == nil) != (longitude == nil) {
            check.error("'latitude' and 'longitude' go together", at: latitude ?? longitude ?? object.json)
        }
        for (value, limit) in [(latitude, 90.0), (longitude, 180.0)] {
            guard let value else { continue }
            guard case .number(let text, _) = value.kind, let number = Double(text), abs(number) <= limit else {
                check.error("coordinates must be numbers within ±\(Int(limit))", at: value)
                continue
            }
        }
        if let country = object["country"], let code = country.string, code.count != 2 || CountryCode(code) == nil {
            check.warning("'country' \(code) is not an ISO 3166-1 alpha-2 code", at: country)
        }
    }

    private static func relationship(_ object: STIXObjectView, check: inout STIXCheck, references: inout STIXReferences) {
        for property in ["source_ref", "target_ref"] {
            if let value = object[property] {
                STIXObjectRules.reference(value, property: property, check: &check, references: &references)
            }
        }
        if let value = object["relationship_type"] {
            if let type = value.string, !type.isEmpty,
                type.utf8.allSatisfy({ (97...122).contains($0) || (48...57).contains($0) || $0 == UInt8(ascii: "-") })
            {
                if !STIXVocabularies.relationshipTypes.contains(type) {
                    check.warning(
                        "'\(type)' is not a relationship type of STIX 2.1, the Incident extension or exportctl", at: value)
                }
            } else {
                check.error("'relationship_type' must be lowercase words joined by '-'", at: value)
            }
        }
        if let start = object["start_time"]?.string, let stop = object["stop_time"], let stopText = stop.string,
            STIXSyntax.fractionDigits(ofTimestamp: start) != nil, STIXSyntax.fractionDigits(ofTimestamp: stopText) != nil,
            STIXSyntax.isOrdered(stopText, start)
        {
            check.error("'stop_time' must be later than 'start_time'", at: stop)
        }
    }
}
