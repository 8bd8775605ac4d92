import Export

/// The corpus generator's partnerships and incidents: the kinds with the most links.
extension CorpusBuilder {
    mutating func addPartnership() {
        let number = next()
        spendObject()
        var members: [String] = []
        for attempt in 0..<random.int(2...5) {
            let pool = random.chance(50) ? states.map(\.id) : party()
            guard !pool.isEmpty else { continue }
            let member = random.pick(pool)
            guard !members.contains(member), takeLink(required: attempt < 2) else { continue }
            members.append(member)
        }
        for fallback in states.map(\.id) where members.count < 2 && !members.contains(fallback) {
            spendRelationship()
            members.append(fallback)
        }
        let kind = random.pick(PartnershipKind.known)
        let partnership = Partnership(
            id: "partnership-\(number)", name: "\(random.pick(CorpusVocabulary.operations)) \(kind.rawValue) \(number)",
            kind: kind,
            members: members.map { member in
                Membership(
                    member, role: random.chance(30) ? random.pick(MembershipRole.known) : nil,
                    since: random.chance(50) ? date(from: 1980, to: 2024) : nil,
                    marking: random.chance(15) ? marking() : nil)
            },
            scope: [random.pick(PartnershipScope.known)], established: random.chance(50) ? date(from: 1950, to: 2020) : nil,
            description: random.chance(30) ? sentence() : nil, confidence: confidence(), sources: citations(),
            marking: objectMarking())
        report.partnerships.append(partnership)
        partnerships.append(partnership.id)
    }

    mutating func addIncident() {
        let number = next()
        spendObject()
        let kind = random.pick(IncidentKind.known)
        let place = random.pick(CorpusVocabulary.places)
        var incident = Incident(
            id: "incident-\(number)", title: "\(kind.rawValue) near \(place) #\(number)", kind: kind,
            description: sentence(), outcome: random.chance(50) ? random.pick(CorpusVocabulary.outcomes) : nil,
            impacts: random.chance(50) ? [random.pick(CorpusVocabulary.impacts)] : [],
            status: random.pick(IncidentStatus.known), determination: random.pick(IncidentDetermination.known),
            confidence: confidence(), sources: citations(), marking: objectMarking())
        let start = date(from: 2015, to: 2025)
        incident.when = random.chance(30)
            ? try? DateSpan(from: start, to: PartialDate(uncheckedYear: start.year + 1, month: nil, day: nil))
            : try? DateSpan(from: start)
        if remaining >= 2, random.chance(50), let country = CountryCode(random.pick(CorpusVocabulary.countries)) {
            spendObject()  // the location
            spendRelationship()  // its located-at
            let hasCoordinates = random.chance(50)
            incident.location = Location(
                name: place, country: country,
                latitude: hasCoordinates ? Double(random.int(-8_000...8_000)) / 100 : nil,
                longitude: hasCoordinates ? Double(random.int(-17_000...17_000)) / 100 : nil)
        }
        incident.attributedTo = links(to: random.chance(60) ? threatActors : activities, upTo: 1)
        incident.targets = links(to: party(), upTo: 2)
        incident.responders = links(to: party(), upTo: 1)
        incident.supporters = links(to: partnerships, upTo: 1)
        report.incidents.append(incident)
    }
}
