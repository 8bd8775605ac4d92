import ExportCore
import ExportSharing

/// The misp-objects templates the writer fills, as pymisp 2.5.34.4 ships them
/// (`pymisp/data/misp-objects/objects/<name>/definition.json`).
///
/// MISP and `MISPObject(name, strict=True)` reject an object whose template UUID or version differs from
/// the template's, so these are copied verbatim; the oracle tests load every object against them.
struct MISPTemplate: Hashable {
    var name: String
    var uuid: String
    var version: Int
    var metaCategory: String
    var description: String

    static let incident = MISPTemplate(
        name: "incident", uuid: "38597424-f9bb-4865-9b4b-819172df0334", version: 1, metaCategory: "misc",
        description: "Incident object template as described in STIX 2.1 Incident object and its core extension.")

    static let organization = MISPTemplate(
        name: "organization", uuid: "f750e12b-127a-432c-b022-b3f9153c4e2a", version: 9, metaCategory: "misc",
        description: "An object which describes an organization.")

    static let person = MISPTemplate(
        name: "person", uuid: "a15b0477-e9d1-4b9c-9546-abe78a4f4248", version: 21, metaCategory: "misc",
        description: "An object which describes a person or an identity.")

    /// A file with its name and digests (an observable of kind file with more than one digest, or a name).
    static let file = MISPTemplate(
        name: "file", uuid: "688c46fb-5edb-40a3-8273-1af7923e2215", version: 25, metaCategory: "file",
        description: "File object describing a file with meta-information")

    /// An indicator's STIX 2.1 pattern; misp-stix turns it back into a STIX `indicator`.
    static let stix2Pattern = MISPTemplate(
        name: "stix2-pattern", uuid: "0c5bd072-7c3e-4d45-86f7-a8104d9143b9", version: 4, metaCategory: "misc",
        description: """
            An object describing a STIX pattern. The object can be linked via a relationship to other attributes or \
            objects to describe how it can be represented as a STIX pattern.
            """)

    static let intrusionSet = MISPTemplate(
        name: "intrusion-set", uuid: "bfe96eae-e37a-4ecf-8012-1cdb478571a5", version: 1, metaCategory: "misc",
        description: """
            A object template describing an Intrusion Set as defined in STIX 2.1. An Intrusion Set is a grouped \
            set of adversarial behaviors and resources with common properties that is believed to be orchestrated \
            by a single organization. An Intrusion Set may capture multiple Campaigns or other activities that are \
            all tied together by shared attributes indicating a commonly known or unknown Threat Actor. New \
            activity can be attributed to an Intrusion Set even if the Threat Actors behind the attack are not \
            known. Threat Actors can move from supporting one Intrusion Set to supporting another, or they may \
            support multiple Intrusion Sets.  Where a Campaign is a set of attacks over a period of time against a \
            specific set of targets to achieve some objective, an Intrusion Set is the entire attack package and \
            may be used over a very long period of time in multiple Campaigns to achieve potentially multiple \
            purposes.  While sometimes an Intrusion Set is not active, or changes focus, it is usually difficult \
            to know if it has truly disappeared or ended. Analysts may have varying level of fidelity on \
            attributing an Intrusion Set back to Threat Actors and may be able to only attribute it back to a \
            nation state or perhaps back to an organization within that nation state.
            """)
}
