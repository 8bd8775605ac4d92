import ExportCore

/// Sources and labels: what goes with the released objects, and the markings as the recipient sees them.
extension ViewBuilder {
    /// Sources go with the objects that cite them; a source nobody cites follows the report's default marking.
    func sources(for view: ThreatReport) -> [Source] {
        var cited: Set<String> = []
        var citedInReport: Set<String> = []
        for sources in view.actors.map(\.sources) + view.intrusionSets.map(\.sources) + view.campaigns.map(\.sources)
            + view.partnerships.map(\.sources) + view.incidents.map(\.sources) + view.detectionSources
        {
            cited.formUnion(sources)
        }
        for sources in report.actors.map(\.sources) + report.intrusionSets.map(\.sources) + report.campaigns.map(\.sources)
            + report.partnerships.map(\.sources) + report.incidents.map(\.sources) + report.detectionSources
        {
            citedInReport.formUnion(sources)
        }
        return report.sources.filter { source in
            let isReleased: Bool
            let rule: String
            if cited.contains(source.id) {
                (isReleased, rule) = (true, "cited by an object the recipient receives")
            } else if citedInReport.contains(source.id) {
                (isReleased, rule) = (false, "cited only by withheld objects")
            } else {
                (isReleased, rule) = verdict.decide(defaultMarking)
            }
            record(SharingDecision(kind: "source", id: source.id, name: source.name, isReleased: isReleased, rule: rule))
            return isReleased
        }
    }

    /// A marking that names only what the recipient receives: a withheld party becomes the countries of
    /// its members that the recipient receives, through memberships the recipient may see (a RED
    /// membership, or a member withheld from the recipient, is never counted: the label would reveal it).
    func sanitized(_ marking: Marking) -> Marking {
        var entries: [Releasee] = []
        var seen: Set<Releasee> = []
        for entry in marking.releasableTo {
            switch entry {
            case .party(let id) where !released.contains(id):
                for code in labelCountries(of: id) where seen.insert(.country(code)).inserted {
                    entries.append(.country(code))
                }
            default:
                if seen.insert(entry).inserted { entries.append(entry) }
            }
        }
        return Marking(tlp: marking.tlp, releasableTo: entries, notUnderstood: marking.notUnderstood)
    }

    private func labelCountries(of id: String) -> [CountryCode] {
        if let known = labelCache[id] { return known }
        let audience = Audience.expand(
            id, index: index, published: report.published, admits: { self.released.contains($0) },
            admitsMembership: { membership in
                membership.marking.map { self.verdict.decide($0).isReleased } ?? true
            })
        let codes = audience.countryCodes(index: index)
        labelCache[id] = codes
        return codes
    }
}
