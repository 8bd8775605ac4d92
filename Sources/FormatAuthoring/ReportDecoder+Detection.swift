import ExportCore

/// Indicators, observables, malware and tools: decoded like the other objects, with their patterns, values
/// and hashes checked where they are written, so a finding points at the character that is wrong.
extension ReportDecoder {
    func indicator(_ node: YAMLNode) -> Indicator? {
        guard
            let reader = MappingReader(
                node, what: "an indicator", allowed: AuthoringKeys.indicator, required: AuthoringKeys.indicatorRequired,
                context: context)
        else { return nil }
        let patternType: PatternType = reader.vocabulary("pattern_type") ?? .stix
        let pattern = reader.requiredText("pattern")
        if patternType == .stix, !pattern.isEmpty, let node = reader.value("pattern"),
            let problem = STIXPattern.problem(in: pattern)
        {
            report(problem, in: node, field: "pattern")
        }
        let validFrom = reader.date("valid_from")
        let validUntil = reader.date("valid_until")
        if let validFrom, let validUntil, validUntil.end < validFrom.start, let node = reader.value("valid_until") {
            context.error("'valid_until' (\(validUntil)) is before 'valid_from' (\(validFrom))", at: node)
        }
        var indicator = Indicator(
            id: identifier(reader), name: reader.requiredText("name"), description: reader.string("description"),
            pattern: pattern, patternType: patternType, validFrom: validFrom ?? .placeholder, validUntil: validUntil,
            types: reader.vocabularies("indicator_types"), confidence: reader.int("confidence", in: 0...100),
            sources: reader.strings("sources"), marking: reader.value("marking").flatMap { marking($0) })
        indicator.killChainPhases = reader.list("kill_chain_phases") { killChainPhase($0) }
        indicator.indicates = links(reader, "indicates")
        indicator.basedOn = links(reader, "based_on")
        indicator.evidence = evidence(reader)
        return indicator
    }

    private func killChainPhase(_ node: YAMLNode) -> KillChainPhase? {
        guard
            let reader = MappingReader(
                node, what: "a kill chain phase", allowed: AuthoringKeys.killChainPhase,
                required: AuthoringKeys.killChainPhase, context: context)
        else { return nil }
        let names = AuthoringKeys.killChainPhase.map { key in
            let text = reader.requiredText(key)
            // STIX asks for lowercase words joined by hyphens (`command-and-control`).
            if let node = reader.value(key), !text.isEmpty,
                !text.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" })
            {
                context.error("'\(key)' is lowercase words joined by hyphens, not '\(text)'", at: node,
                              hint: "e.g. lockheed-martin-cyber-kill-chain / command-and-control")
            }
            return text
        }
        return KillChainPhase(killChainName: names[0], phaseName: names[1])
    }

    func observable(_ node: YAMLNode) -> Observable? {
        guard
            let reader = MappingReader(
                node, what: "an observable", allowed: AuthoringKeys.observable,
                required: AuthoringKeys.observableRequired, context: context)
        else { return nil }
        let kind = reader.enumeration("type", ObservableKind.self)
        var observable = Observable(
            id: identifier(reader), kind: kind ?? .file, value: reader.string("value"),
            hashes: hashes(reader), fileName: reader.string("name"),
            marking: reader.value("marking").flatMap { marking($0) })
        observable.involvedIn = links(reader, "involved_in")
        guard let kind else { return observable }
        if kind == .file {
            if let value = reader.value("value") {
                context.error("a file has no 'value'", at: value, hint: "give its 'hashes' and, if known, its 'name'")
            }
            if observable.hashes.isEmpty, reader.value("hashes") == nil {
                context.error("a file observable needs 'hashes'", at: node,
                              hint: "add hashes: {SHA-256: …} (MD5, SHA-1, SHA-256 or SHA-512)")
            }
        } else {
            for key in ["hashes", "name"] {
                if let field = reader.value(key) {
                    context.error("'\(key)' applies only to observables of type file", at: field)
                }
            }
            if let text = observable.value, let field = reader.value("value") {
                if let problem = ObservableSyntax.problem(in: text, as: kind) { report(problem, in: field, field: "value") }
            } else if reader.value("value") == nil {
                context.error("an observable of type \(kind.rawValue) needs a 'value'", at: node)
            }
        }
        return observable
    }

    /// `hashes: {SHA-256: …}`: one digest per algorithm STIX names, each checked for length and alphabet.
    private func hashes(_ reader: MappingReader) -> [FileHash] {
        guard let node = reader.value("hashes") else { return [] }
        guard case .mapping(let pairs) = node.content, !pairs.isEmpty else {
            context.error("'hashes' must be a non-empty mapping of algorithm to digest", at: node,
                          hint: "hashes: {SHA-256: 9f86d0…}")
            return []
        }
        var hashes: [FileHash] = []
        for (key, value) in pairs {
            guard let name = key.scalar, let algorithm = HashAlgorithm(rawValue: name) else {
                let names = HashAlgorithm.allCases.map(\.rawValue)
                context.error("unknown hash algorithm '\(key.scalar ?? "")'", at: key,
                              hint: Suggestion.hint(for: key.scalar ?? "", in: names, noun: "algorithm"))
                continue
            }
            guard let digest = context.text(value, key: name) else { continue }
            if let problem = ObservableSyntax.problem(inHash: digest, algorithm: algorithm) {
                report(problem, in: value, field: name)
            }
            hashes.append(FileHash(algorithm, digest))
        }
        return hashes.sorted { $0.algorithm < $1.algorithm }
    }

    func malware(_ node: YAMLNode) -> Malware? {
        guard
            let reader = MappingReader(
                node, what: "a malware", allowed: AuthoringKeys.malware,
                required: AuthoringKeys.idAndName, context: context)
        else { return nil }
        var malware = Malware(
            id: identifier(reader), name: reader.requiredText("name"), aliases: reader.strings("aliases"),
            description: reader.string("description"), isFamily: bool(reader, "is_family") ?? true,
            types: reader.vocabularies("malware_types"), capabilities: reader.vocabularies("capabilities"),
            confidence: reader.int("confidence", in: 0...100), sources: reader.strings("sources"),
            marking: reader.value("marking").flatMap { marking($0) })
        malware.usedBy = links(reader, "used_by")
        malware.evidence = evidence(reader)
        return malware
    }

    func tool(_ node: YAMLNode) -> Tool? {
        guard
            let reader = MappingReader(
                node, what: "a tool", allowed: AuthoringKeys.tool, required: AuthoringKeys.idAndName, context: context)
        else { return nil }
        var tool = Tool(
            id: identifier(reader), name: reader.requiredText("name"), aliases: reader.strings("aliases"),
            description: reader.string("description"), types: reader.vocabularies("tool_types"),
            confidence: reader.int("confidence", in: 0...100), sources: reader.strings("sources"),
            marking: reader.value("marking").flatMap { marking($0) })
        tool.usedBy = links(reader, "used_by")
        tool.evidence = evidence(reader)
        return tool
    }

    /// An unquoted `true` or `false`.
    private func bool(_ reader: MappingReader, _ key: String) -> Bool? {
        guard let node = reader.value(key) else { return nil }
        guard case .scalar(let text, true) = node.content, text == "true" || text == "false" else {
            context.error("'\(key)' must be true or false, not \(node.kindDescription)", at: node)
            return nil
        }
        return text == "true"
    }

    /// Reports a problem inside a scalar's text at its own column: past the opening quote of a quoted scalar,
    /// and at the scalar's start when the text runs over several lines (where the offset is no column).
    private func report(_ problem: SyntaxProblem, in node: YAMLNode, field: String) {
        guard case .scalar(let text, let isPlain) = node.content, !text.contains("\n"), !text.contains("\\") else {
            context.error("'\(field)': \(problem.message)", at: node, hint: problem.hint)
            return
        }
        let location = SourceLocation(file: context.file, line: node.line,
                                      column: node.column + problem.offset + (isPlain ? 0 : 1))
        context.append([Diagnostic(.error, "'\(field)': \(problem.message)", at: location, hint: problem.hint)])
    }
}
