import ExportCore

/// Common optional properties: creator, markings, external references, confidence, extensions' shape.
extension STIXObjectRules {
    static func checkCommon(_ object: STIXObjectView, check: inout STIXCheck, references: inout STIXReferences) {
        if let creator = object["created_by_ref"] {
            reference(creator, property: "created_by_ref", types: identityType, check: &check, references: &references)
        }
        if let refs = object["object_marking_refs"] {
            var seen: Set<String> = []
            for element in list(refs, property: "object_marking_refs", check: &check) {
                reference(element, property: "object_marking_refs", types: markingType, check: &check, references: &references)
                guard let id = element.string else { continue }
                if !seen.insert(id).inserted {
                    check.error("'object_marking_refs' lists \(id) twice", at: element, hint: "list each marking once")
                }
                if id == object["id"]?.string { check.error("a marking definition cannot mark itself", at: element) }
            }
        }
        for marking in list(object["granular_markings"], property: "granular_markings", check: &check) {
            let selectors = marking["selectors"]?.elements ?? []
            if selectors.isEmpty { check.error("a granular marking needs a non-empty 'selectors' list", at: marking) }
            if (marking["marking_ref"] == nil) == (marking["lang"] == nil) {
                check.error("a granular marking has exactly one of 'marking_ref' and 'lang'", at: marking)
            }
            if let ref = marking["marking_ref"] {
                reference(ref, property: "marking_ref", types: markingType, check: &check, references: &references)
            }
        }
        for reference in list(object["external_references"], property: "external_references", check: &check)
        where reference["source_name"]?.string == nil {
            check.error("an external reference needs a 'source_name' string", at: reference)
        }
        if let confidence = object["confidence"] {
            guard case .number(let text, true) = confidence.kind, let number = Int(text), (0...100).contains(number)
            else {
                check.error("'confidence' must be an integer from 0 to 100", at: confidence)
                return
            }
        }
    }

    // Built once: a set literal in the call would be built for every object.
    static let identityType: Set<String> = ["identity"]
    static let markingType: Set<String> = ["marking-definition"]

    /// The elements of a list property; anything else is an error.
    static func list(_ value: LocatedJSON?, property: String, check: inout STIXCheck, nonEmpty: Bool = false)
        -> [LocatedJSON]
    {
        guard let value else { return [] }
        guard let elements = value.elements else {
            check.error("'\(property)' must be a list, not \(value.kindName)", at: value)
            return []
        }
        if nonEmpty, elements.isEmpty { check.error("'\(property)' must not be empty", at: value) }
        return elements
    }
}
