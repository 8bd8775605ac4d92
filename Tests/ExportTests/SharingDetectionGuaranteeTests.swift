import Export
import ExportTestSupport
import Testing

/// The sharing guarantee for indicators, observables, malware and tools, over generated reports and every
/// recipient, in every registered format: a withheld indicator's pattern, name, description and evidence, a
/// withheld observable's value, file name and digest, and a withheld malware's or tool's names leave nowhere;
/// a released one's do reach report-json (the control); links go only when both ends go.
struct SharingDetectionGuaranteeTests {
    @Test(arguments: 0..<24)
    func nothingWithheldLeaks(seed: Int) throws {
        var generator = ReportGenerator(seed: UInt64(9_000 + seed))
        var report = try generator.report(size: 8 + seed % 6)
        let tokens = try generator.addDetectionObjects(to: &report)
        let policy = SharingPolicy(redactsWithheldNames: true)
        var released = 0
        for name in ReportGenerator.recipients(for: report) {
            let recipient = try Recipient.resolve(name, in: report)
            let view = try policy.view(report, for: recipient).view.report
            let kept = Set(view.indicators.map(\.id) + view.observables.map(\.id) + view.malware.map(\.id) + view.tools.map(\.id))
            released += kept.count
            Self.expectClosed(view, context: "seed \(seed), \(name)")
            for indicator in view.indicators {
                for link in indicator.basedOn { #expect(kept.contains(link.ref), "seed \(seed), \(name): based-on a withheld \(link.ref)") }
                for observable in report.observables where !kept.contains(observable.id) {
                    for value in observable.identifyingStrings {
                        #expect(!indicator.pattern.contains(value), "seed \(seed), \(name): \(indicator.id)'s pattern carries withheld \(value)")
                    }
                }
            }
            for (format, output) in try FormatOutputs.all(ReleasedReport(report: view, recipient: name)) {
                for (item, needles) in tokens {
                    for needle in needles {
                        if kept.contains(item) {
                            if format == "report-json" {
                                #expect(output.contains(needle), "seed \(seed), \(name): released \(item)'s \(needle) missing from report-json")
                            }
                        } else {
                            #expect(!output.contains(needle), "seed \(seed), \(name), \(format): withheld \(item)'s \(needle) leaks")
                        }
                    }
                }
            }
        }
        #expect(released > 0, "seed \(seed): no recipient received any of them, so nothing was tested")
    }

    /// Every link of the new objects names an object of the view.
    static func expectClosed(_ view: ThreatReport, context: String) {
        var ids: Set<String> = Set(view.actors.map(\.id))
        ids.formUnion((view.intrusionSets + view.campaigns).map(\.id))
        ids.formUnion(view.incidents.map(\.id))
        ids.formUnion(view.observables.map(\.id))
        ids.formUnion(view.malware.map(\.id))
        var links: [Link] = view.indicators.flatMap { $0.indicates + $0.basedOn }
        links += view.observables.flatMap(\.involvedIn)
        links += view.malware.flatMap(\.usedBy)
        links += view.tools.flatMap(\.usedBy)
        for link in links { #expect(ids.contains(link.ref), "\(context): dangling link to \(link.ref)") }
    }
}
