import ExportCore

/// A galaxy whose clusters the writer fills: misp-galaxy's `threat-actor`, and for malware and tools the
/// galaxies misp-stix creates when it imports STIX 2.1 (`stix-2.1-malware`, `stix-2.1-tool`; name, UUID, icon
/// and description as misp-stix 2026.10.12 writes them), so a MISP that imported STIX from us through misp-stix
/// holds the same galaxies, and misp-stix turns their clusters back into STIX `malware` and `tool`.
struct MISPGalaxy {
    /// The galaxy's `type`, which its tags name.
    var type: String
    /// The `Galaxy` block, without its clusters.
    var header: [String: JSONValue]
    /// The event attribute that carries the cluster's tag when the cluster is narrower than its event.
    var attributeType: String
    var attributeCategory: String

    /// The tag that attaches a cluster of this galaxy: `misp-galaxy:<type>="<name>"` (a `"` in the name becomes `'`).
    func tagName(_ name: String) -> String {
        "misp-galaxy:\(type)=\"\(String(name.map { $0 == "\"" ? "'" : $0 }))\""
    }

    static let threatActor = MISPGalaxy(
        type: "threat-actor", header: MISPJSON.threatActorGalaxy, attributeType: "threat-actor",
        attributeCategory: "Attribution")

    // misp-stix names these galaxies `uuid5(76beed5f-7251-457e-8c2a-b45f7b589d3d, "STIX 2.1 Malware")` and so on.
    static let malware = MISPGalaxy(
        type: "stix-2.1-malware",
        header: [
            "uuid": "5de9a83d-06f0-532b-bcf6-54eaf4db61c8", "name": "STIX 2.1 Malware", "type": "stix-2.1-malware",
            "description": """
                Malware is a type of TTP that represents malicious code. It generally refers to a program that is \
                inserted into a system, usually covertly. The intent is to compromise the confidentiality, \
                integrity, or availability of the victim's data, applications, or operating system (OS) or \
                otherwise annoy or disrupt the victim.
                """,
            "namespace": "stix", "icon": "optin-monster", "version": "21",
        ],
        attributeType: "malware-type", attributeCategory: "Payload delivery")

    static let tool = MISPGalaxy(
        type: "stix-2.1-tool",
        header: [
            "uuid": "77e81218-13f5-537a-acfa-caf14fbe1810", "name": "STIX 2.1 Tool", "type": "stix-2.1-tool",
            "description": """
                Tools are legitimate software that can be used by threat actors to perform attacks. Knowing how \
                and when threat actors use such tools can be important for understanding how campaigns are \
                executed. Unlike malware, these tools or software packages are often found on a system and have \
                legitimate purposes for power users, system administrators, network administrators, or even \
                normal users.
                """,
            "namespace": "stix", "icon": "gavel", "version": "21",
        ],
        attributeType: "text", attributeCategory: "Other")

    /// Every galaxy, in the order an event lists them.
    static let all = [threatActor, malware, tool]
}
