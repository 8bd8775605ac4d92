@testable import Export
import ExportTestSupport
import Foundation
import Testing

/// MAPPING.md's "Not carried" section and what the writer reports on standard error stay one list.
struct STIX12MappingTests {
    private func notCarriedSection() throws -> [String] {
        let path = RepositoryPaths.root.appendingPathComponent("Sources/FormatSTIX12/MAPPING.md").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let section = try #require(text.components(separatedBy: "\n## Not carried\n").last)
        return section.split(separator: "\n").filter { $0.hasPrefix("- ") }.map { String($0.dropFirst(2)) }
    }

    private func notCarried(_ report: ThreatReport) throws -> [String: Int] {
        var sink = MemorySink()
        return try STIX12Writer().write(ReleasedReport(everythingIn: report), options: .default, to: &sink).notCarried
    }

    /// A report that loses one of everything: values outside the STIX 1.2 vocabularies included, and the
    /// detection fixture's indicators, malware and tools (one of them used by a state, which has no TTPs).
    private func lossyReport() throws -> ThreatReport {
        var report = try HandBuiltReports.everything()
        let detection = try STIX12DetectionTests.report()
        report.indicators = detection.indicators
        report.observables = detection.observables.map { var copy = $0; copy.involvedIn = []; return copy }
        report.malware = detection.malware
        report.malware[0].types.append("worm")
        report.tools = detection.tools.map { var copy = $0; copy.confidence = 50; return copy }
        let threatActor = try #require(report.actors.first { $0.kind == .threatActor })
        let state = try #require(report.actors.first { $0.kind == .state })
        report.malware[0].usedBy = [Link(threatActor.id), Link(state.id)]
        report.tools[0].usedBy = [Link(threatActor.id)]
        report.indicators[0].indicates = [Link(threatActor.id), Link("plugx")]
        report.actors[report.actors.count - 1].threat?.secondaryMotivations.append(.revenge)
        report.actors[report.actors.count - 1].threat?.sophistication = "godlike"
        report.incidents[0].status = "archived"
        return report
    }

    @Test func mappingListsExactlyTheKindsTheWriterCanReport() throws {
        #expect(try notCarriedSection() == STIX12Loss.allCases.map(\.rawValue))
    }

    @Test func everyKindReportedIsListedAndEveryListedKindOccurs() throws {
        let listed = Set(try notCarriedSection())
        let scenario = try notCarried(SampleScenario.report())
        let lossy = try notCarried(lossyReport())
        #expect(Set(scenario.keys).isSubset(of: listed))
        #expect(Set(lossy.keys).union(scenario.keys) == listed, "\(listed.subtracting(lossy.keys).subtracting(scenario.keys))")
    }

    @Test func countsAreCountsOfValues() throws {
        let report = try SampleScenario.report()
        let counts = try notCarried(report)
        #expect(counts[STIX12Loss.partnershipKind.rawValue] == report.partnerships.count)
        #expect(counts[STIX12Loss.actorAlias.rawValue] == report.actors.map(\.aliases.count).reduce(0, +))
        #expect(counts[STIX12Loss.incidentDetermination.rawValue] == report.incidents.count)
    }
}
