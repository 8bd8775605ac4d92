import ExportCore
import ExportXML

/// Indicators, observables, malware and tools, in the schema's fixed order.
extension ReportXMLEncoder {
    func indicator(_ indicator: Indicator) throws {
        try xml.startElement("indicator")
        try xml.attribute("id", indicator.id)
        try xml.attribute("validFrom", indicator.validFrom.description)
        try xml.attribute("validUntil", indicator.validUntil?.description)
        try xml.attribute("confidence", indicator.confidence.map(String.init))
        try xml.element("name", text: indicator.name)
        try xml.element("description", text: indicator.description)
        try xml.startElement("pattern")
        try xml.attribute("type", indicator.patternType.rawValue)
        try xml.text(indicator.pattern)
        try xml.endElement()
        try xml.elements("type", indicator.types.map(\.rawValue))
        for phase in indicator.killChainPhases {
            try xml.startElement("killChainPhase")
            try xml.attribute("killChain", phase.killChainName)
            try xml.attribute("phase", phase.phaseName)
            try xml.endElement()
        }
        try links("indicates", indicator.indicates)
        try links("basedOn", indicator.basedOn)
        try provenance(indicator.evidence, indicator.sources, indicator.marking)
        try xml.endElement()
    }

    /// One element per kind holds the value (or, for a file, its name and digests).
    /// - Throws: ``ExportError`` `.invalidInput` for a value on a file, or a name or digests on anything else:
    ///   the format has no place for them, and they are never dropped silently.
    func observable(_ observable: Observable) throws {
        let isFile = observable.kind == .file
        guard isFile ? observable.value == nil : observable.hashes.isEmpty && observable.fileName == nil else {
            throw ExportError(
                .invalidInput,
                isFile
                    ? "observable '\(observable.id)' is a file with a value; a file has only a name and digests"
                    : "observable '\(observable.id)' is a \(observable.kind.rawValue) with a file name or digests, which only a file has")
        }
        try xml.startElement("observable")
        try xml.attribute("id", observable.id)
        if isFile {
            try xml.startElement("file")
            try xml.element("name", text: observable.fileName)
            // Schema order whatever the model's order; the model keeps one digest per algorithm.
            for hash in observable.hashes.sorted(by: { $0.algorithm < $1.algorithm }) {
                try xml.element(hash.algorithm.reportXMLElement, text: hash.value)
            }
            try xml.endElement()
        } else {
            // An observable without a value writes an empty element, which the schema refuses: nothing is written.
            try xml.element(observable.kind.reportXMLElement, text: observable.value ?? "")
        }
        try links("involvedIn", observable.involvedIn)
        try marking("marking", observable.marking)
        try xml.endElement()
    }

    func malware(_ malware: Malware) throws {
        try software(
            "malware", malware.id, isFamily: malware.isFamily, confidence: malware.confidence, name: malware.name,
            aliases: malware.aliases, description: malware.description, types: malware.types.map(\.rawValue),
            capabilities: malware.capabilities.map(\.rawValue), usedBy: malware.usedBy,
            provenance: (malware.evidence, malware.sources, malware.marking))
    }

    func tool(_ tool: Tool) throws {
        try software(
            "tool", tool.id, isFamily: nil, confidence: tool.confidence, name: tool.name, aliases: tool.aliases,
            description: tool.description, types: tool.types.map(\.rawValue), capabilities: [], usedBy: tool.usedBy,
            provenance: (tool.evidence, tool.sources, tool.marking))
    }

    /// Malware and tools have one shape in the schema; only malware has `isFamily` and capabilities.
    private func software(
        _ element: String, _ id: String, isFamily: Bool?, confidence: Int?, name: String, aliases: [String],
        description: String?, types: [String], capabilities: [String], usedBy: [Link],
        provenance own: (evidence: [String], sources: [String], marking: Marking?)
    ) throws {
        try xml.startElement(element)
        try xml.attribute("id", id)
        try xml.attribute("isFamily", isFamily.map { $0 ? "true" : "false" })
        try xml.attribute("confidence", confidence.map(String.init))
        try xml.element("name", text: name)
        try xml.elements("alias", aliases)
        try xml.element("description", text: description)
        try xml.elements("type", types)
        try xml.elements("capability", capabilities)
        try links("usedBy", usedBy)
        try provenance(own.evidence, own.sources, own.marking)
        try xml.endElement()
    }
}
