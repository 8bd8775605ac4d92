import ExportCore
import ExportXML

/// Malware and tools as TTPs: a malware is `Behavior/Malware/Malware_Instance`, a tool `Resources/Tools/Tool`;
/// each TTP keeps the STIX 2.1 type and UUID of its object (`<prefix>:malware-…`, `<prefix>:tool-…`).
extension STIX12Encoder {
    func ttp(_ malware: Malware) throws {
        try startTTP(qname("malware", malware.id), malware.name, malware.description)
        try nested(["ttp:Behavior", "ttp:Malware", "ttp:Malware_Instance"]) {
            for type in malware.types {
                guard let value = STIX12Vocabularies.malwareType(type) else { losses.add(.malwareType); continue }
                try vocabulary("ttp:Type", STIX12Vocabularies.malwareType, value)
            }
            try xml.elements("ttp:Name", [malware.name] + malware.aliases)
        }
        try endTTP(malware.marking, usedBy: malware.usedBy)
        countEvidence(malware.evidence, malware.usedBy)
        losses.add(.malwareCapability, malware.capabilities.count)
        // STIX 1.2 has one construct for a family and a sample: which one this is does not survive.
        losses.add(.malwareFamily)
        losses.add(.ttpConfidence, if: malware.confidence != nil)
        losses.add(.sourceCitation, malware.sources.count)
    }

    func ttp(_ tool: Tool) throws {
        try startTTP(qname("tool", tool.id), tool.name, tool.description)
        try nested(["ttp:Resources", "ttp:Tools", "ttp:Tool"]) {
            try xml.element("cyboxCommon:Name", text: tool.name)
            for type in tool.types {
                guard let value = STIX12Vocabularies.toolType(type) else { losses.add(.toolType); continue }
                try vocabulary("cyboxCommon:Type", STIX12Vocabularies.toolType, value)
            }
        }
        try endTTP(tool.marking, usedBy: tool.usedBy)
        countEvidence(tool.evidence, tool.usedBy)
        // ToolInformationType has one Name.
        losses.add(.toolAlias, tool.aliases.count)
        losses.add(.ttpConfidence, if: tool.confidence != nil)
        losses.add(.sourceCitation, tool.sources.count)
    }

    private func startTTP(_ id: String, _ title: String, _ description: String?) throws {
        try xml.startElement("stix:TTP")
        try xml.attribute("xsi:type", "ttp:TTPType")
        try identify(id)
        try xml.attribute("version", "1.2")
        try xml.element("ttp:Title", text: title)
        try xml.element("ttp:Description", text: description)
    }

    /// Its `Handling`, then the end of the TTP; the `uses` links' descriptions are counted as not carried.
    private func endTTP(_ marking: Marking?, usedBy: [Link]) throws {
        try handling("ttp:Handling", marking)
        try xml.endElement()
        countLinkDetail(usedBy)
    }

    /// Opens `names` one inside the other, writes `body` in the innermost and closes them.
    private func nested(_ names: [String], _ body: () throws -> Void) throws {
        for name in names { try xml.startElement(name) }
        try body()
        for _ in names { try xml.endElement() }
    }

    /// The TTPs `user` uses, as `Related_TTP`-shaped elements (`Observed_TTPs` of a threat actor, `Related_TTPs`
    /// of a campaign), each link's label noted for the component's `Handling`.
    func usedTTPs(_ wrapper: String, _ name: String, by user: String) throws {
        let uses = detection.uses(by: user)
        try relatedList(wrapper, name, "Uses", "stixCommon:TTP", uses.map { (qname($0.type, $0.id), $0.label) })
    }

    /// Uses by an actor that is not a threat actor (an identity in STIX 1.2, which has no TTPs).
    func countUsesByIdentities() {
        for actor in report.actors where actor.kind != .threatActor {
            losses.add(.usedByOther, detection.uses(by: actor.id).count)
        }
    }
}
