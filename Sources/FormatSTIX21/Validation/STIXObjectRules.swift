import ExportCore

/// The rules every STIX 2.1 object is held to: identity, version, timestamps, creator, markings, references.
enum STIXObjectRules {
    enum Category { case domain, relationship, meta, observable, custom }

    /// Checks one object.
    /// - Returns: whether its rules ran: `false` when it is no object or has no valid `type`, and only that
    ///   is reported (so the elements of a list streamed apart from it are not to be reported either).
    @discardableResult
    static func check(_ json: LocatedJSON, check: inout STIXCheck, references: inout STIXReferences) -> Bool {
        guard json.members != nil else {
            check.error("a STIX object is a JSON object, not \(json.kindName)", at: json)
            return false
        }
        guard let typeValue = json["type"] else {
            check.error("object has no 'type'", at: json, hint: "every STIX object has 'type', e.g. \"identity\"")
            return false
        }
        guard let type = typeValue.string, STIXSyntax.isTypeName(type) else {
            check.error(
                "'type' must be 3–250 characters of a–z, 0–9 and '-', not \(typeValue.string.map { "'\($0)'" } ?? typeValue.kindName)",
                at: typeValue)
            return false
        }
        let id = json["id"]?.string
        let object = STIXObjectView(json: json, type: type, label: id ?? type)
        let category = category(of: object)
        checkID(object, check: &check, references: &references)
        checkVersion(object, category: category, check: &check)
        if category != .observable { checkTimestamps(object, category: category, check: &check) }
        checkCommon(object, check: &check, references: &references)
        STIXTypeRules.check(object, category: category, check: &check, references: &references)
        STIXExtensionRules.check(object, check: &check)
        // One walk over the members, not one lookup per vocabulary property: each value has one place, and
        // findings are put in input order afterwards, so the order of this walk does not show.
        for member in json.members ?? [] {
            guard let vocabulary = STIXVocabularies.vocabulary(forProperty: member.key),
                vocabulary.type == nil || vocabulary.type == type
            else { continue }
            var entries = (member.value.elements ?? []).compactMap { element in element.string.map { ($0, element) } }
            if let text = member.value.string { entries.append((text, member.value)) }
            for (text, at) in entries where !vocabulary.values.contains(text) {
                check.warning("'\(text)' is not in the STIX 2.1 vocabulary for '\(member.key)'", at: at)
            }
        }
        return true
    }

    static func category(of object: STIXObjectView) -> Category {
        STIXRequiredProperties.kinds[object.type]?.category ?? .custom
    }

    private static func checkID(_ object: STIXObjectView, check: inout STIXCheck, references: inout STIXReferences) {
        guard let value = object["id"] else {
            check.error("\(object.type) has no 'id'", at: object.json, hint: "add \"id\": \"\(object.type)--<UUID>\"")
            return
        }
        guard let id = value.string, STIXSyntax.isIdentifier(id) else {
            check.error("'id' \(value.string.map { "'\($0)'" } ?? value.kindName) is not '<type>--<RFC 4122 UUID>'", at: value)
            return
        }
        if STIXSyntax.type(ofIdentifier: id) != object.type {
            check.error("'id' \(id) does not start with the object's type '\(object.type)--'", at: value)
        }
        if !references.declare(id, modified: object["modified"]?.string, at: value) {
            STIXReferences.warnDuplicate(id, at: value, check: &check)
        }
    }

    private static func checkVersion(_ object: STIXObjectView, category: Category, check: inout STIXCheck) {
        guard let value = object["spec_version"] else {
            if category != .observable {
                check.error(
                    "\(object.label) has no 'spec_version'", at: object.json,
                    hint: "add \"spec_version\": \"2.1\"; without it, tools read the object as STIX 2.0")
            }
            return
        }
        if value.string == "2.0" {
            check.error("\(object.label) is a STIX 2.0 object; exportctl checks STIX 2.1", at: value)
        } else if value.string != "2.1" {
            check.error("'spec_version' must be \"2.1\"", at: value)
        }
    }

    private static func checkTimestamps(_ object: STIXObjectView, category: Category, check: inout STIXCheck) {
        let hasModified = category != .meta || STIXRequiredProperties.kinds[object.type]?.hasModified == true
        // Two slots, not a dictionary and a list of keys made for every object.
        let created = timestamp("created", of: object, category: category, check: &check)
        let modified = hasModified ? timestamp("modified", of: object, category: category, check: &check) : nil
        if let created, let modified, !STIXSyntax.isOrdered(created, modified) {
            check.error("'modified' \(modified) is earlier than 'created' \(created)", at: object["modified"] ?? object.json)
        }
        for member in object.json.members ?? [] where STIXRequiredProperties.isTimestamp(member.key) {
            if member.value.string.flatMap(STIXSyntax.fractionDigits(ofTimestamp:)) == nil {
                check.error("'\(member.key)' is not a UTC timestamp YYYY-MM-DDTHH:MM:SS[.s]Z", at: member.value)
            }
        }
    }

    /// `created` or `modified` when present and valid; an error otherwise (a custom object without `created`
    /// need have neither).
    private static func timestamp(_ key: String, of object: STIXObjectView, category: Category, check: inout STIXCheck)
        -> String?
    {
        guard let value = object[key] else {
            if category != .custom || object["created"] != nil {
                check.error("\(object.label) has no '\(key)'", at: object.json)
            }
            return nil
        }
        guard let text = value.string, let digits = STIXSyntax.fractionDigits(ofTimestamp: text) else {
            check.error("'\(key)' is not a UTC timestamp YYYY-MM-DDTHH:MM:SS.sssZ", at: value)
            return nil
        }
        // A marking definition's `created` is any STIX timestamp (the spec and stix2-validator's schema ask
        // for no millisecond precision there; OASIS's own ACS examples use whole seconds).
        guard digits >= 3 || (key == "created" && object.type == "marking-definition") else {
            check.error("'\(key)' \(text) must be precise to the millisecond", at: value, hint: "write e.g. \(text.prefix(19)).000Z")
            return nil
        }
        return text
    }

    /// Checks that a property holds an identifier (of one of `types` when given) and records the reference.
    static func reference(
        _ value: LocatedJSON, property: String, types: Set<String>? = nil, check: inout STIXCheck,
        references: inout STIXReferences
    ) {
        guard let id = value.string, STIXSyntax.isIdentifier(id) else {
            check.error("'\(property)' must hold an identifier '<type>--<UUID>'", at: value)
            return
        }
        if let types, let type = STIXSyntax.type(ofIdentifier: id), !types.contains(type) {
            check.error("'\(property)' must refer to \(types.sorted().joined(separator: " or ")), not \(type)", at: value)
            return
        }
        references.refer(to: id, from: property, at: value)
    }
}
