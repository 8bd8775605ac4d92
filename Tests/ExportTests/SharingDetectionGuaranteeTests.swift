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

    static func demo() throws -> ThreatReport {
        var report = ThreatReport(title: "Demo", published: try PartialDate(parsing: "2023-11-15"),
                                  producer: Producer(id: "cert.example", name: "CERT"), defaultMarking: Marking(tlp: .clear))
        report.actors = [Actor(id: "apt-x", name: "Crimson Otter", kind: .threatActor, marking: Marking(tlp: .red)),
                         Actor(id: "ind", name: "India", kind: .state, country: CountryCode("IND"))]
        report.observables = [Observable(id: "c2-ip", kind: .ipv4, value: "203.0.113.5", marking: Marking(tlp: .red))]
        var indicator = Indicator(id: "c2", name: "C2", pattern: "[ipv4-addr:value = '203.0.113.5']",
                                  validFrom: try PartialDate(parsing: "2023"))
        indicator.basedOn = [Link("c2-ip")]
        report.indicators = [indicator]
        return report
    }

    /// The pattern carries the withheld observable's value: the indicator is withheld with it, and `plan` says why.
    @Test func aPatternNamingAWithheldObservableWithholdsItsIndicator() throws {
        let report = try Self.demo()
        let india = try Recipient.resolve("IND", in: report)
        #expect(try SharingPolicy().view(report, for: india).view.report.indicators.isEmpty)
        let decision = SharingPolicy().plan(report, for: india).decisions.first { $0.id == "c2" }
        #expect(decision?.isReleased == false)
        #expect(decision?.rule.contains("its pattern names '203.0.113.5' (c2-ip)") == true)
    }

    /// A value cannot be redacted: one that names a withheld actor fails the export, `--redact` or not.
    @Test func anObservableValueNamingAWithheldActorFailsEvenWhenRedacting() throws {
        var report = try Self.demo()
        report.observables.append(Observable(id: "dom", kind: .domain, value: "crimson-otter.example"))
        let india = try Recipient.resolve("IND", in: report)
        for redacts in [false, true] {
            #expect(throws: ExportError.self) { try SharingPolicy(redactsWithheldNames: redacts).view(report, for: india) }
        }
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
