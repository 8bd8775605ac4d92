import Export

/// The corpus generator's objects, one maker per kind; each pays for what it adds.
extension CorpusBuilder {
    /// States first (a state and its `located-at`): one per 200 objects, at least two, at most one per country.
    mutating func addStates() {
        let count = min(CorpusVocabulary.countries.count, max(2, remaining / 200))
        for code in CorpusVocabulary.countries.prefix(count) {
            guard let country = CountryCode(code) else { continue }
            spendObject()
            spendRelationship()  // the located-at to its country: always there, like the state itself
            let id = "state-\(code.lowercased())"
            states.append((id, country))
            report.actors.append(Actor(id: id, name: country.name, kind: .state, country: country, marking: Marking(tlp: .clear)))
        }
    }

    /// Three alliances of states, which releasable-to lists then name as parties.
    mutating func addAlliances() {
        let names = ["Northern Intelligence Alliance", "Pacific Maritime Dialogue", "Cyber Defence Pact"]
        for (index, name) in names.enumerated() {
            let members = (0..<min(states.count, 3 + index)).map { states[($0 * (index + 1) + index) % states.count].id }
            let unique = members.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            guard unique.count >= 2 else { continue }
            spendObject()
            for _ in unique { spendRelationship() }
            let id = "alliance-\(index + 1)"
            report.partnerships.append(
                Partnership(
                    id: id, name: name, kind: index == 1 ? .multilateralDialogue : .alliance,
                    members: unique.map { Membership($0, since: PartialDate(uncheckedYear: 1990 + index * 7, month: nil, day: nil)) },
                    scope: [.intelligenceSharing], established: PartialDate(uncheckedYear: 1990 + index * 7, month: nil, day: nil),
                    marking: Marking(tlp: .clear)))
            partnerships.append(id)
        }
        let country = { (code: String) in CountryCode(code).map(Releasee.country) }
        releasabilityLists = [
            partnerships.first.map { [.party($0)] }, [country("USA"), country("GBR")].compactMap { $0 },
            [country("IND")].compactMap { $0 }, partnerships.last.map { [.party($0), .country(states[0].country)] },
            [country("AUS"), country("NZL"), country("CAN")].compactMap { $0 },
        ].compactMap { $0 }.filter { !$0.isEmpty }
    }

    /// The state an actor belongs to, with a `located-at` when the budget allows.
    private mutating func homeState() -> (id: String, country: CountryCode) { random.pick(states) }

    mutating func addAgency() {
        let number = next()
        let home = homeState()
        spendObject()
        var actor = Actor(
            id: "agency-\(number)", name: "\(random.pick(CorpusVocabulary.agencyNames)) of \(home.country.name) #\(number)",
            kind: .agency, confidence: confidence(), sources: citations(), marking: objectMarking())
        actor.country = takeLink() ? home.country : nil
        actor.sponsoredBy = takeLink() ? [Link(home.id)] : []
        actor.sectors = [random.pick([.government, .defense, .governmentNational])]
        actor.description = random.chance(50) ? sentence() : nil
        report.actors.append(actor)
        identities.append(actor.id)
    }

    mutating func addOrganization() {
        let number = next()
        spendObject()
        var actor = Actor(
            id: "org-\(number)", name: "\(random.pick(CorpusVocabulary.organizationNames)) \(number)", kind: .organization,
            sectors: [random.pick(IndustrySector.known)], confidence: confidence(), sources: citations(),
            marking: objectMarking())
        actor.description = random.chance(40) ? sentence() : nil
        addIdentity(actor)
    }

    mutating func addIndividual() {
        let number = next()
        spendObject()
        let actor = Actor(
            id: "person-\(number)",
            name: "\(random.pick(CorpusVocabulary.givenNames)) \(random.pick(CorpusVocabulary.familyNames)) \(number)",
            kind: .individual, roles: [random.pick(CorpusVocabulary.roles)], confidence: confidence(),
            sources: citations(), marking: objectMarking())
        addIdentity(actor)
    }

    /// Adds an organisation or person, located in a state when the budget allows.
    private mutating func addIdentity(_ actor: Actor) {
        var actor = actor
        actor.country = takeLink() ? homeState().country : nil
        report.actors.append(actor)
        identities.append(actor.id)
    }

    mutating func addThreatActor() {
        let number = next()
        spendObject()
        let name = "\(random.pick(CorpusVocabulary.threatAdjectives)) \(random.pick(CorpusVocabulary.threatNames)) \(number)"
        var actor = Actor(
            id: "ta-\(number)", name: name, kind: .threatActor, aliases: random.chance(50) ? ["APT-\(number)"] : [],
            description: sentence(), confidence: confidence(), sources: citations(), marking: objectMarking())
        let firstSeen = date(from: 2000, to: 2020)
        actor.threat = ThreatProfile(
            types: [random.pick([.nationState, .spy, .criminal, .hacker])], sophistication: random.pick(Sophistication.known),
            resourceLevel: random.pick(ResourceLevel.known), primaryMotivation: random.pick(Motivation.known),
            goals: [random.pick(CorpusVocabulary.goals)], firstSeen: firstSeen,
            lastSeen: random.chance(50) ? PartialDate(uncheckedYear: firstSeen.year + random.int(1...5), month: nil, day: nil) : nil)
        actor.country = takeLink() ? CountryCode(random.pick(CorpusVocabulary.hostile)) : nil
        actor.sponsoredBy = links(to: random.chance(50) ? states.map(\.id) : identities, upTo: 1)
        report.actors.append(actor)
        threatActors.append(actor.id)
    }

    mutating func addIntrusionSet() {
        let number = next()
        spendObject()
        var activity = Activity(
            id: "is-\(number)", name: "\(random.pick(CorpusVocabulary.threatAdjectives)) Cluster \(number)",
            description: random.chance(60) ? sentence() : nil, firstSeen: date(from: 2005, to: 2022),
            objective: random.pick(CorpusVocabulary.goals), confidence: confidence(), sources: citations(),
            marking: objectMarking())
        activity.attributedTo = links(to: threatActors, upTo: 1)
        activity.targets = links(to: party(), upTo: 2)
        report.intrusionSets.append(activity)
        activities.append(activity.id)
    }

    mutating func addCampaign() {
        let number = next()
        spendObject()
        let firstSeen = date(from: 2010, to: 2024)
        var activity = Activity(
            id: "campaign-\(number)", name: "Operation \(random.pick(CorpusVocabulary.operations)) \(number)",
            description: random.chance(60) ? sentence() : nil, firstSeen: firstSeen,
            lastSeen: random.chance(50) ? PartialDate(uncheckedYear: firstSeen.year + 1, month: nil, day: nil) : nil,
            objective: random.pick(CorpusVocabulary.goals), confidence: confidence(), sources: citations(),
            marking: objectMarking())
        activity.attributedTo = links(to: random.chance(50) ? activities : threatActors, upTo: 1)
        activity.targets = links(to: party(), upTo: 2)
        report.campaigns.append(activity)
        activities.append(activity.id)
    }
}
