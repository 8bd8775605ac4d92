import ExportCore
import ExportSharing

/// The payloads of the extensions exportctl knows: TLP 2.0, ISA ACS 3.0, Incident Core v2, and its own.
///
/// stix2-validator does not look inside extensions; these checks are required properties and enumerations
/// from each extension's schema.
enum STIXExtensionRules {
    static func check(_ object: STIXObjectView, check: inout STIXCheck) {
        guard let extensions = object["extensions"] else { return }
        guard let members = extensions.members else {
            check.error("'extensions' must be an object, not \(extensions.kindName)", at: extensions)
            return
        }
        for member in members {
            let payload = member.value
            let isDefinition = member.key.hasPrefix("extension-definition--")
            guard isDefinition || member.key.hasSuffix("-ext") else {
                check.error(
                    "extension key '\(member.key)' is neither an extension-definition id nor a predefined '-ext' name",
                    at: member.line, member.column)
                continue
            }
            guard payload.members != nil else {
                check.error("the '\(member.key)' extension must be an object", at: payload)
                continue
            }
            guard isDefinition else { continue }
            guard let type = payload["extension_type"]?.string, STIXTypeRules.extensionTypes.contains(type) else {
                check.error("the extension \(member.key) needs an 'extension_type'", at: payload)
                continue
            }
            var rules = PayloadRules(payload: payload, name: extensionName(member.key), check: check)
            switch member.key {
            case STIXExtensionDefinition.tlp2ID: rules.tlp2(object)
            case STIXExtensionDefinition.acsID: rules.acs()
            case STIXExtensionDefinition.incidentCoreID: rules.incidentCore()
            case STIXExtensionDefinition.object.id: rules.ours(STIXOwnExtensionSchemas.object)
            case STIXExtensionDefinition.partnership.id: rules.ours(STIXOwnExtensionSchemas.partnership)
            case STIXExtensionDefinition.membership.id: rules.ours(STIXOwnExtensionSchemas.membership)
            case STIXExtensionDefinition.incident.id: rules.ours(STIXOwnExtensionSchemas.incident)
            default: break
            }
            check = rules.check
        }
    }

    private static func extensionName(_ id: String) -> String {
        switch id {
        case STIXExtensionDefinition.tlp2ID: "TLP 2.0"
        case STIXExtensionDefinition.acsID: "ISA ACS 3.0"
        case STIXExtensionDefinition.incidentCoreID: "Incident Core"
        default: STIXExtensionDefinition.ours.first { $0.id == id }?.name ?? id
        }
    }
}
