import ExportCore
import ExportXML

/// Indicators, observables, malware and tools from a schema-valid tree. The schema checks the shape of values
/// (an IPv4 address, a 64-digit SHA-256); what it cannot check, the same checks as the authoring format do here,
/// at the element's line: a STIX pattern's syntax and object paths, a domain name's letters, a port above 65535,
/// an e-mail address's local part over 64 characters, an indicator valid until before it is valid from.
extension ReportXMLDecoder {
    mutating func indicator(_ element: XMLElement) -> Indicator {
        let patternElement = element.child("pattern")
        let pattern = patternElement?.text ?? ""
        let patternType = PatternType(patternElement?.attribute("type") ?? PatternType.stix.rawValue)
        if patternType == .stix, let patternElement, let problem = STIXPattern.problem(in: pattern) {
            fail("'pattern': \(problem.message)", at: patternElement, hint: problem.hint)
        }
        let validFrom = date(element.attribute("validFrom"), at: element)
        let validUntil = date(element.attribute("validUntil"), at: element)
        if let validFrom, let validUntil, validUntil.end < validFrom.start {
            fail("'validUntil' (\(validUntil)) is before 'validFrom' (\(validFrom))", at: element, hint: nil)
        }
        var indicator = Indicator(
            id: element.attribute("id") ?? "", name: element.childText("name") ?? "",
            description: element.childText("description"), pattern: pattern, patternType: patternType,
            validFrom: validFrom ?? Self.fallbackDate, validUntil: validUntil,
            types: texts(element, "type").map(IndicatorType.init),
            confidence: element.attribute("confidence").flatMap { Int($0) }, sources: sourceRefs(element),
            marking: marking(element.child("marking")))
        indicator.killChainPhases = element.children(named: "killChainPhase").map {
            KillChainPhase(killChainName: $0.attribute("killChain") ?? "", phaseName: $0.attribute("phase") ?? "")
        }
        indicator.indicates = links(element, "indicates")
        indicator.basedOn = links(element, "basedOn")
        indicator.evidence = texts(element, "evidence")
        return indicator
    }

    mutating func observable(_ element: XMLElement) -> Observable {
        let id = element.attribute("id") ?? ""
        // The schema allows exactly one kind element, first.
        let holder = element.children.first
        let kind = holder.flatMap { ObservableKind(reportXMLElement: $0.name) } ?? .file
        var observable = Observable(id: id, kind: kind, marking: marking(element.child("marking")))
        if kind == .file {
            observable.fileName = holder?.childText("name")
            observable.hashes = HashAlgorithm.allCases.compactMap { algorithm in
                holder?.childText(algorithm.reportXMLElement).map { FileHash(algorithm, $0) }
            }
        } else if let holder {
            observable.value = holder.text
            if let problem = ObservableSyntax.problem(in: holder.text, as: kind) {
                fail("'\(holder.name)': \(problem.message)", at: holder, hint: problem.hint)
            }
        }
        observable.involvedIn = links(element, "involvedIn")
        return observable
    }

    mutating func malware(_ element: XMLElement) -> Malware {
        // A tool's fields are exactly the ones malware shares with it.
        let shared = tool(element)
        var malware = Malware(
            id: shared.id, name: shared.name, aliases: shared.aliases, description: shared.description,
            isFamily: element.attribute("isFamily") != "false", types: shared.types.map { MalwareType($0.rawValue) },
            capabilities: texts(element, "capability").map(MalwareCapability.init), confidence: shared.confidence,
            sources: shared.sources, marking: shared.marking)
        malware.usedBy = shared.usedBy
        malware.evidence = shared.evidence
        return malware
    }

    mutating func tool(_ element: XMLElement) -> Tool {
        var tool = Tool(
            id: element.attribute("id") ?? "", name: element.childText("name") ?? "", aliases: texts(element, "alias"),
            description: element.childText("description"), types: texts(element, "type").map(ToolType.init),
            confidence: element.attribute("confidence").flatMap { Int($0) }, sources: sourceRefs(element),
            marking: marking(element.child("marking")))
        tool.usedBy = links(element, "usedBy")
        tool.evidence = texts(element, "evidence")
        return tool
    }
}
