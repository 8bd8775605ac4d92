import ExportCore

extension ThreatReport {
    /// The strings of indicators, observables, malware and tools that leave but cannot be redacted, with their
    /// paths: local ids, patterns (half a pattern matches something else) and observables' values, file names
    /// and digests. ``WithheldNameScanner/identifierFindings(in:)`` fails the export on a withheld name in any.
    var detectionIdentifiers: [(id: String, path: String)] {
        var fields: [(id: String, path: String)] = []
        for indicator in indicators {
            fields += [(indicator.id, "indicators['\(indicator.id)'].id"), (indicator.pattern, "indicators['\(indicator.id)'].pattern")]
        }
        for observable in observables {
            fields.append((observable.id, "observables['\(observable.id)'].id"))
            fields += observable.identifyingStrings.map { ($0, "observables['\(observable.id)'].value") }
        }
        fields += malware.map { ($0.id, "malware['\($0.id)'].id") } + tools.map { ($0.id, "tools['\($0.id)'].id") }
        return fields
    }

    /// The part of ``rewriteFreeText(_:)`` for indicators, observables, malware and tools: names, aliases,
    /// descriptions, evidence, vocabulary values, kill chain phases and their links' descriptions and evidence.
    mutating func rewriteDetectionText(_ body: TextRewrite) {
        for i in indicators.indices {
            let path = "indicators['\(indicators[i].id)']"
            indicators[i].name = body(indicators[i].name, "\(path).name", .prose)
            indicators[i].description = indicators[i].description.map { body($0, "\(path).description", .prose) }
            indicators[i].patternType = Self.rewrite(indicators[i].patternType, "\(path).pattern_type", body)
            indicators[i].types = Self.rewrite(indicators[i].types, "\(path).indicator_types", body)
            indicators[i].killChainPhases = indicators[i].killChainPhases.enumerated().map { index, phase in
                KillChainPhase(
                    killChainName: body(phase.killChainName, "\(path).kill_chain_phases[\(index)].kill_chain_name", .vocabulary),
                    phaseName: body(phase.phaseName, "\(path).kill_chain_phases[\(index)].phase_name", .vocabulary))
            }
            indicators[i].evidence = Self.rewrite(indicators[i].evidence, "\(path).evidence", body)
            Self.rewrite(&indicators[i].indicates, "\(path).indicates", body)
            Self.rewrite(&indicators[i].basedOn, "\(path).based_on", body)
        }
        for i in observables.indices {
            Self.rewrite(&observables[i].involvedIn, "observables['\(observables[i].id)'].involved_in", body)
        }
        for i in malware.indices {
            let path = "malware['\(malware[i].id)']"
            malware[i].name = body(malware[i].name, "\(path).name", .prose)
            malware[i].aliases = Self.rewrite(malware[i].aliases, "\(path).aliases", body)
            malware[i].description = malware[i].description.map { body($0, "\(path).description", .prose) }
            malware[i].types = Self.rewrite(malware[i].types, "\(path).malware_types", body)
            malware[i].capabilities = Self.rewrite(malware[i].capabilities, "\(path).capabilities", body)
            malware[i].evidence = Self.rewrite(malware[i].evidence, "\(path).evidence", body)
            Self.rewrite(&malware[i].usedBy, "\(path).used_by", body)
        }
        for i in tools.indices {
            let path = "tools['\(tools[i].id)']"
            tools[i].name = body(tools[i].name, "\(path).name", .prose)
            tools[i].aliases = Self.rewrite(tools[i].aliases, "\(path).aliases", body)
            tools[i].description = tools[i].description.map { body($0, "\(path).description", .prose) }
            tools[i].types = Self.rewrite(tools[i].types, "\(path).tool_types", body)
            tools[i].evidence = Self.rewrite(tools[i].evidence, "\(path).evidence", body)
            Self.rewrite(&tools[i].usedBy, "\(path).used_by", body)
        }
    }
}

extension ThreatReport {
    /// The sources each indicator, malware and tool cites (observables cite none).
    var detectionSources: [[String]] {
        indicators.map(\.sources) + malware.map(\.sources) + tools.map(\.sources)
    }
}
