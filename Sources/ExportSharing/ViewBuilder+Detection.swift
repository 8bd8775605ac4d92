import ExportCore

/// Indicators, observables, malware and tools: each decided by its own marking like every other object, its
/// links kept only when both ends go, and an indicator whose pattern names something withheld withheld too.
extension ViewBuilder {
    func decideDetectionObjects(repeated: Set<String>) {
        decideObjects("indicator", report.indicators.map { ($0.id, $0.name, $0.marking) }, repeated: repeated)
        decideObjects("observable", report.observables.map { ($0.id, $0.displayName, $0.marking) }, repeated: repeated)
        decideObjects("malware", report.malware.map { ($0.id, $0.name, $0.marking) }, repeated: repeated)
        decideObjects("tool", report.tools.map { ($0.id, $0.name, $0.marking) }, repeated: repeated)
    }

    /// A pattern cannot be redacted (half a pattern matches something else) and carries the values it matches:
    /// an indicator whose pattern holds a withheld observable's value, or a withheld object's name, is
    /// withheld, whether or not it links to what it names. One scan per pattern, linear in its length.
    func withholdPatternsNamingWithheldItems() {
        let candidates = report.indicators.filter { released.contains($0.id) }
        guard !candidates.isEmpty else { return }
        let everything = WithheldNameScanner.names(of: report)
        let scanner = WithheldNameScanner(
            names: everything.filter { !released.contains($0.owner) },
            received: everything.filter { released.contains($0.owner) }.map(\.name))
        for indicator in candidates {
            guard let match = scanner.matches(in: indicator.pattern).first else { continue }
            withhold(indicator.id, rule: "its pattern names '\(match.name)' (\(match.owner)), which is withheld; a pattern cannot be redacted")
        }
    }

    /// The released indicators, observables, malware and tools, with their links decided and markings sanitised.
    func releaseDetectionObjects(into view: inout ThreatReport) {
        for indicator in report.indicators { planLinks(of: indicator.id, indicator.indicates + indicator.basedOn) }
        for observable in report.observables { planLinks(of: observable.id, observable.involvedIn) }
        for malware in report.malware { planLinks(of: malware.id, malware.usedBy) }
        for tool in report.tools { planLinks(of: tool.id, tool.usedBy) }
        view.indicators = report.indicators.filter { released.contains($0.id) }.map { indicator in
            var indicator = indicator
            indicator.indicates = links(indicator.indicates, from: indicator.id)
            indicator.basedOn = links(indicator.basedOn, from: indicator.id)
            indicator.marking = indicator.marking.map(sanitized)
            return indicator
        }
        view.observables = report.observables.filter { released.contains($0.id) }.map { observable in
            var observable = observable
            observable.involvedIn = links(observable.involvedIn, from: observable.id)
            observable.marking = observable.marking.map(sanitized)
            return observable
        }
        view.malware = report.malware.filter { released.contains($0.id) }.map { malware in
            var malware = malware
            malware.usedBy = links(malware.usedBy, from: malware.id)
            malware.marking = malware.marking.map(sanitized)
            return malware
        }
        view.tools = report.tools.filter { released.contains($0.id) }.map { tool in
            var tool = tool
            tool.usedBy = links(tool.usedBy, from: tool.id)
            tool.marking = tool.marking.map(sanitized)
            return tool
        }
    }
}

extension ViewBuilder {
    /// A withheld object's relationships read from STIX, planned under their own ids: the sender looks for every
    /// object it sent in the plan, and these are never decided once the object they hang on is withheld.
    private func planLinks(of id: String, _ links: [Link]) {
        guard !released.contains(id) else { return }
        for link in links {
            guard let stixID = link.imported?["id"]?.stringValue else { continue }
            record(SharingDecision(kind: "link", id: stixID, name: index.name(of: link.ref) ?? link.ref, isReleased: false,
                                   rule: "'\(id)' is withheld"))
        }
    }
}

extension Observable {
    /// How `plan` names it: its value, else its file name, else its first digest.
    var displayName: String { value ?? fileName ?? hashes.first?.value ?? id }
}
