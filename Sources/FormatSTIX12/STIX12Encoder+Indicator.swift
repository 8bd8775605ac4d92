import ExportCore
import ExportXML

/// Indicators, in `indicator:IndicatorType`'s order: the observables they are based on as the CybOX
/// `Observable`, the pattern itself, verbatim, as a generic test mechanism.
extension STIX12Encoder {
    /// The version `indicator:IndicatorType` has in STIX 1.2.
    static let indicatorVersion = "2.2"

    func indicator(_ indicator: Indicator) throws {
        let id = qname("indicator", indicator.id)
        try xml.startElement("stix:Indicator")
        try xml.attribute("xsi:type", "indicator:IndicatorType")
        try identify(id)
        try xml.attribute("version", Self.indicatorVersion)
        try xml.element("indicator:Title", text: indicator.name)
        for type in indicator.types {
            guard let value = STIX12Vocabularies.indicatorType(type) else { losses.add(.indicatorType); continue }
            try vocabulary("indicator:Type", STIX12Vocabularies.indicatorType, value)
        }
        try xml.element("indicator:Description", text: indicator.description)
        try validTime(indicator)
        try basedOn(indicator, id: id)
        let ttps = indicator.indicates.filter { detection.malware.contains($0.ref) }
        for (position, link) in ttps.enumerated() {
            try related("indicator:Indicated_TTP", "Indicates", "stixCommon:TTP", qname("malware", link.ref))
            labelLink(link.label, at: "indicator:Indicated_TTP[\(position + 1)]")
        }
        try killChainPhases("indicator:Kill_Chain_Phases", indicator.killChainPhases)
        try testMechanism(indicator)
        // Related_Campaigns comes after Handling: its links' labels are noted before Handling is written.
        let campaigns = indicator.indicates.compactMap { link -> (id: String, label: Marking?)? in
            if index.campaigns[link.ref] != nil { return (qname("campaign", link.ref), link.label) }
            if index.intrusionSets[link.ref] != nil { return (qname("intrusion-set", link.ref), link.label) }
            return nil
        }
        for (position, campaign) in campaigns.enumerated() {
            labelLink(campaign.label, at: "indicator:Related_Campaigns/indicator:Related_Campaign[\(position + 1)]")
        }
        try handling("indicator:Handling", indicator.marking)
        try confidence("indicator:Confidence", indicator.confidence)
        if !campaigns.isEmpty {
            try xml.startElement("indicator:Related_Campaigns")
            for campaign in campaigns {
                try related("indicator:Related_Campaign", "Indicates", "stixCommon:Campaign", campaign.id)
            }
            try xml.endElement()
        }
        try xml.endElement()
        // STIX 1.2 relates an indicator to TTPs and campaigns only (STIXProject/specifications#80).
        losses.add(.indicatorActor, indicator.indicates.count - ttps.count - campaigns.count)
        countLinkDetail(indicator.indicates + indicator.basedOn)
        countEvidence(indicator.evidence, indicator.indicates + indicator.basedOn)
        losses.add(.sourceCitation, indicator.sources.count)
    }

    /// `Valid_Time_Position`: the first day of `valid_from`, the last second of `valid_until`, each with its
    /// date's precision.
    private func validTime(_ indicator: Indicator) throws {
        try xml.startElement("indicator:Valid_Time_Position")
        try dateTime("indicator:Start_Time", "\(indicator.validFrom.start)T00:00:00Z", indicator.validFrom.precision)
        if let until = indicator.validUntil {
            try dateTime("indicator:End_Time", "\(until.end)T23:59:59Z", until.precision)
        }
        try xml.endElement()
    }

    private func dateTime(_ name: String, _ value: String, _ precision: PartialDate.Precision) throws {
        try xml.startElement(name)
        try xml.attribute("precision", precision.rawValue)
        try xml.text(value)
        try xml.endElement()
    }

    /// The CybOX `Observable`: the one observable the pattern is based on by `idref`, or an `OR` composition of
    /// them (the pattern in the test mechanism is what decides a match; see MAPPING.md). Nothing when it is
    /// based on none.
    private func basedOn(_ indicator: Indicator, id: String) throws {
        let observed = indicator.basedOn.compactMap { link in detection.observables[link.ref].map { (link, $0) } }
        var positions: [String: Int] = [:]
        for (_, observable) in observed where positions[observableQName(observable)] == nil {
            positions[observableQName(observable)] = positions.count + 1
        }
        guard !observed.isEmpty else { return }
        try xml.startElement("indicator:Observable")
        if positions.count == 1 {
            try xml.attribute("idref", observableQName(observed[0].1))
            try xml.endElement()
            for (link, _) in observed { labelLink(link.label, at: "indicator:Observable") }
            return
        }
        // The composition's own id: the indicator's UUID, type `observable`.
        try xml.attribute("id", prefix + ":observable-" + String(Substring(id.utf8.dropFirst(prefix.utf8.count + ":indicator-".utf8.count))))
        try xml.startElement("cybox:Observable_Composition")
        try xml.attribute("operator", "OR")
        var written: Set<String> = []
        for (link, observable) in observed {
            let ref = observableQName(observable)
            if written.insert(ref).inserted {
                try xml.startElement("cybox:Observable")
                try xml.attribute("idref", ref)
                try xml.endElement()
            }
            labelLink(link.label, at: "indicator:Observable/cybox:Observable_Composition/cybox:Observable[\(positions[ref] ?? 0)]")
        }
        try xml.endElement()
        try xml.endElement()
    }

    /// The pattern verbatim, in its language, as a generic test mechanism (see MAPPING.md for why not the
    /// Observable alone).
    private func testMechanism(_ indicator: Indicator) throws {
        try xml.startElement("indicator:Test_Mechanisms")
        try xml.startElement("indicator:Test_Mechanism")
        try xml.attribute("xsi:type", "genericTM:GenericTestMechanismType")
        try xml.element("genericTM:Type", text: indicator.patternType.rawValue)
        try xml.element("genericTM:Specification", text: indicator.pattern)
        try xml.endElement()
        try xml.endElement()
    }

    /// `Kill_Chain_Phases` naming each phase and its chain (no ids: the chains are not defined in the package).
    func killChainPhases(_ name: String, _ phases: [KillChainPhase]) throws {
        guard !phases.isEmpty else { return }
        try xml.startElement(name)
        for phase in phases {
            try xml.startElement("stixCommon:Kill_Chain_Phase")
            try xml.attribute("name", phase.phaseName)
            try xml.attribute("kill_chain_name", phase.killChainName)
            try xml.endElement()
        }
        try xml.endElement()
    }
}
