import Export
import Testing

/// The built-in scenario models the article and exercises every sharing rule.
struct SampleScenarioTests {
    let report: ThreatReport

    init() throws { report = try SampleScenario.report() }

    @Test func lintsClean() {
        let result = AuthoringReader.read(Array(SampleScenario.yaml.utf8), file: SampleScenario.fileName)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.rendered))")
    }

    @Test func namesEveryCountryOrganisationAndPersonOfTheArticle() {
        let names = Set(report.actors.map(\.name))
        for name in [
            "United States", "India", "Japan", "Australia", "South Korea", "Philippines", "Vietnam", "United Kingdom",
            "Canada", "New Zealand", "China", "Russia", "Ukraine", "Center for Strategic and International Studies",
            "US Department of Justice", "US Space Force", "US Department of Defense", "Daniel Byman", "Lloyd Austin",
            "Minoru Kihara", "Jack Teixeira", "Donald Trump",
        ] {
            #expect(names.contains(name), "missing \(name)")
        }
    }

    @Test func hasEveryPartnershipOfTheArticle() {
        let kinds = Dictionary(report.partnerships.map { ($0.id, $0.kind) }) { first, _ in first }
        #expect(kinds["five-eyes"] == .alliance)
        #expect(kinds["quad"] == .multilateralDialogue)
        #expect(kinds["us-japan-rok"] == .trilateral)
        #expect(kinds["us-japan-philippines"] == .trilateral)
        for bilateral in ["us-japan", "us-india", "us-vietnam"] { #expect(kinds[bilateral] == .bilateral) }
        #expect(kinds["ipmda"] == .initiative)
        #expect(kinds["space-force-japan-tracking"] == .agreement)
        let ipmda = report.partnerships.first { $0.id == "ipmda" }
        #expect(ipmda?.established?.description == "2022-05")
        #expect(ipmda?.members.contains { $0.member == "quad" } == true, "a partnership nested in a partnership")
    }

    @Test func hasEveryIncidentOfTheArticle() throws {
        let kinds = Set(report.incidents.map(\.kind))
        for kind: IncidentKind in [.militaryIncursion, .unauthorisedDisclosure, .cyberOperation, .illicitMaritimeActivity, .smuggling, .illegalFishing] {
            #expect(kinds.contains(kind))
        }
        let incursion = try #require(report.incidents.first { $0.kind == .militaryIncursion })
        #expect(incursion.when?.description == "2022-10/2022-12", "late last year is Q4 2022")
        let disclosure = try #require(report.incidents.first { $0.kind == .unauthorisedDisclosure })
        #expect(disclosure.when?.description == "2023-04")
        #expect(report.sources.contains { $0.id == "byman-csis" })
    }

    @Test func markingsExerciseEverySharingRule() throws {
        let markings = report.allMarkings
        let parties = { (marking: Marking) in Set(marking.releasableTo.map(\.text)) }
        #expect(report.defaultMarking?.tlp == .clear)
        #expect(markings.contains { parties($0) == ["five-eyes"] })
        #expect(markings.contains { parties($0) == ["quad"] })
        #expect(markings.contains { parties($0) == ["us-japan-rok"] })
        #expect(markings.contains { parties($0) == ["us-japan-philippines"] })
        #expect(markings.contains { parties($0) == ["us-india"] })
        #expect(markings.contains { $0.tlp == .red && parties($0) == ["IND"] })
        let philippines = try #require(report.partnerships.first { $0.id == "us-japan-philippines" }?.members.last)
        #expect(philippines.member == "philippines")
        #expect(philippines.isCertain(on: report.published) == false, "a membership the report's date excludes")
        let incursion = try #require(report.incidents.first { $0.id == "himalaya-incursion" })
        #expect(incursion.supporters.first?.marking?.tlp == .red, "a link narrower than its ends")
        #expect(incursion.marking?.tlp == .amber)
    }
}

extension ThreatReport {
    /// Every marking on an object, a link or a membership.
    var allMarkings: [Marking] {
        var found: [Marking] = []
        let links = { (list: [Link]) in list.compactMap(\.marking) }
        for actor in actors { found += [actor.marking].compactMap { $0 } + links(actor.sponsoredBy) }
        for activity in intrusionSets + campaigns {
            found += [activity.marking].compactMap { $0 } + links(activity.attributedTo) + links(activity.targets)
        }
        for partnership in partnerships {
            found += [partnership.marking].compactMap { $0 } + partnership.members.compactMap(\.marking)
        }
        for incident in incidents {
            found += [incident.marking].compactMap { $0 } + links(incident.attributedTo) + links(incident.targets)
                + links(incident.responders) + links(incident.supporters)
        }
        return found
    }
}
