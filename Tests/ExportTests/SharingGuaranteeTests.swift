import Export
import ExportTestSupport
import Testing

/// The guarantee, over generated reports and recipients, in every registered format: nothing withheld leaks,
/// by id, name, alias or any format's UUID, and every reference in the view resolves inside it.
struct SharingGuaranteeTests {
    static let stixTypes = ["identity", "threat-actor", "intrusion-set", "campaign", "incident", "location", "relationship"]

    static func ids(of report: ThreatReport) -> Set<String> {
        Set(report.actors.map(\.id) + report.intrusionSets.map(\.id) + report.campaigns.map(\.id)
            + report.partnerships.map(\.id) + report.incidents.map(\.id))
    }

    static func names(of report: ThreatReport, id: String) -> [String] {
        if let actor = report.actors.first(where: { $0.id == id }) { return [actor.name] + actor.aliases }
        if let partnership = report.partnerships.first(where: { $0.id == id }) { return [partnership.name] + partnership.aliases }
        if let incident = report.incidents.first(where: { $0.id == id }) { return [incident.title] }
        return []
    }

    @Test(arguments: 0..<40)
    func nothingWithheldLeaksAndEveryReferenceResolves(seed: Int) throws {
        var generator = ReportGenerator(seed: UInt64(seed))
        let report = try generator.report(size: 8 + seed % 10)
        let policy = SharingPolicy(redactsWithheldNames: true)
        for name in ReportGenerator.recipients(for: report) {
            let recipient = try Recipient.resolve(name, in: report)
            let view = try policy.view(report, for: recipient).view
            let kept = Self.ids(of: view.report)
            Self.expectClosed(view.report, kept: kept, context: "seed \(seed) for \(name)")
            let withheld = Self.ids(of: report).subtracting(kept)
            let keptNames = Set(kept.flatMap { Self.names(of: report, id: $0) })
            for (format, output) in try FormatOutputs.all(view) {
                for id in withheld {
                    let needles = [id] + Self.names(of: report, id: id).filter { !keptNames.contains($0) }
                        + Self.stixTypes.map { StableID.uuid(producer: report.producer.id, type: $0, localID: id) }
                    for needle in needles {
                        #expect(!output.contains(needle), "seed \(seed), \(name), \(format): withheld '\(needle)' (\(id)) leaks")
                    }
                }
            }
        }
    }

    static func expectClosed(_ view: ThreatReport, kept: Set<String>, context: String) {
        let sources = Set(view.sources.map(\.id))
        var references: [String] = []
        for actor in view.actors { references += actor.sponsoredBy.map(\.ref) }
        for activity in view.intrusionSets + view.campaigns { references += (activity.attributedTo + activity.targets).map(\.ref) }
        for partnership in view.partnerships { references += partnership.members.map(\.member) }
        for incident in view.incidents {
            references += (incident.attributedTo + incident.targets + incident.responders + incident.supporters).map(\.ref)
        }
        for reference in references { #expect(kept.contains(reference), "\(context): dangling reference to \(reference)") }
        let cited = (view.actors.flatMap(\.sources) + view.partnerships.flatMap(\.sources) + view.incidents.flatMap(\.sources))
        for source in cited { #expect(sources.contains(source), "\(context): dangling source \(source)") }
        for marking in view.allMarkings + [view.defaultMarking].compactMap({ $0 }) {
            for case .party(let id) in marking.releasableTo {
                #expect(kept.contains(id), "\(context): a marking names withheld '\(id)'")
            }
        }
    }
}
