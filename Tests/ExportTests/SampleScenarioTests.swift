import Export
import ExportTestSupport
import Foundation
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
            "US Justice Department", "US Space Force", "US Department of Defense", "Daniel Byman", "Lloyd Austin",
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
        #expect(kinds["quad-satellite-data"] == .agreement, "the article calls it an agreement")
        #expect(kinds["space-force-japan-tracking"] == .bilateral)
        let satelliteData = report.partnerships.first { $0.id == "quad-satellite-data" }
        #expect(satelliteData?.established?.description == "2022-05")
        #expect(satelliteData?.members.contains { $0.member == "quad" } == true, "a partnership nested in a partnership")
        // The article dates no membership and no founding.
        for partnership in report.partnerships where partnership.id != "quad-satellite-data" && partnership.id != "space-force-japan-tracking" {
            #expect(partnership.established == nil, "\(partnership.id)")
        }
        #expect(report.partnerships.flatMap(\.members).allSatisfy { $0.since == nil && $0.until == nil })
    }

    /// What the article tells as events are events; what the satellite data lets partners track is the purpose of
    /// the data-sharing agreement, not an incident.
    @Test func hasEveryIncidentOfTheArticleAndNoOther() throws {
        #expect(Set(report.incidents.map(\.kind)) == [.militaryIncursion, .unauthorisedDisclosure])
        let incursion = try #require(report.incidents.first { $0.kind == .militaryIncursion })
        #expect(incursion.when?.description == "2022-10/2022-12", "late last year is Q4 2022")
        let disclosure = try #require(report.incidents.first { $0.kind == .unauthorisedDisclosure })
        #expect(disclosure.when == nil, "the article dates the charge, not the leak")
        #expect(disclosure.determination == .suspected, "charged, not convicted")
        #expect(disclosure.targets.isEmpty, "South Korea and Ukraine were subjects of the material, not its victims")
        #expect(report.sources.map(\.id) == ["article"], "officials and Byman are quoted by the article")
        let satelliteData = try #require(report.partnerships.first { $0.id == "quad-satellite-data" })
        #expect(satelliteData.description?.contains("smuggling and illegal fishing") == true)
    }

    /// The issue 17 review's points on what the article does not say.
    @Test func saysNothingTheArticleDoesNot() throws {
        let teixeira = try #require(report.actors.first { $0.id == "jack-teixeira" })
        #expect(teixeira.sponsoredBy.isEmpty, "a member of the National Guard, not sponsored by it")
        #expect(teixeira.threat == nil || teixeira.threat == ThreatProfile(), "no invented type, motive or sophistication")
        #expect(report.intrusionSets.isEmpty)
        #expect(report.campaigns.allSatisfy { $0.firstSeen == nil && $0.targets.isEmpty })
        let assessment = try #require(report.actors.first { $0.id == "china-cyber-operators" })
        #expect(assessment.description?.hasPrefix("The desk's assessment") == true)
        #expect((assessment.confidence ?? 100) <= 30)
        let support = try #require(report.incidents.first { $0.id == "himalaya-incursion" }?.supporters.first)
        #expect(support.description?.contains("before and during") == false)
        let descriptions = report.partnerships.compactMap(\.description) + report.actors.compactMap(\.description)
        #expect(descriptions.allSatisfy { !$0.contains("not even the Philippines") }, "no authoring remark leaves")
    }

    @Test func markingsExerciseEverySharingRule() throws {
        let markings = report.allMarkings
        let parties = { (marking: Marking) in Set(marking.releasableTo.map(\.text)) }
        #expect(report.defaultMarking?.tlp == .clear)
        #expect(markings.contains { parties($0) == ["five-eyes"] })
        #expect(markings.contains { parties($0) == ["quad"] })
        #expect(markings.contains { parties($0) == ["us-japan-rok"] })
        #expect(markings.contains { parties($0) == ["us-japan-philippines"] })
        // A bilateral has no member to spare: withholding one would leave a partnership of one.
        #expect(report.partnerships.filter { $0.kind == .bilateral }.flatMap(\.members).allSatisfy { $0.marking == nil })
        #expect(markings.contains { $0.tlp == .red && parties($0) == ["IND", "USA"] })
        let philippines = try #require(report.partnerships.first { $0.id == "us-japan-philippines" }?.members.last)
        #expect(philippines.member == "philippines")
        #expect(philippines.isCertain(on: report.published), "the Philippines sees its own trilateral")
        let incursion = try #require(report.incidents.first { $0.id == "himalaya-incursion" })
        #expect(incursion.supporters.first?.marking?.tlp == .red, "a link narrower than its ends")
        #expect(incursion.marking == nil, "a public fact of the article: the default, CLEAR")
        // Public facts are CLEAR: only the desk's assessment is an object with a marking of its own.
        #expect(report.actors.filter { $0.marking != nil }.map(\.id) == ["china-cyber-operators"])
        #expect((report.partnerships.map(\.marking) + report.incidents.map(\.marking) + report.campaigns.map(\.marking)).allSatisfy { $0 == nil })
    }

    /// Every object, link and membership says where in the article it comes from.
    @Test func everyStatementHasEvidence() {
        let items = report.evidencedItems
        #expect(items.count >= 80)
        let bare = items.filter(\.evidence.isEmpty).map(\.path)
        #expect(bare == [], "without evidence: \(bare)")
    }

    /// Each quote appears verbatim in the article (`../shared/scenario/article.txt`; in CI a missing article
    /// fails, elsewhere the test is skipped).
    @Test(.enabled(if: RepositoryPaths.isCI || FileManager.default.fileExists(atPath: RepositoryPaths.article.path)))
    func everyEvidenceQuoteIsInTheArticle() throws {
        let article = try String(contentsOf: RepositoryPaths.article, encoding: .utf8)
        var quotes = 0
        for item in report.evidencedItems {
            for quote in item.evidence {
                quotes += 1
                #expect(article.contains(quote), "\(item.path): not in the article: \(quote)")
            }
        }
        #expect(quotes >= 90)
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
