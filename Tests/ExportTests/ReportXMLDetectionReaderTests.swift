import Export
import ExportTestSupport
import Foundation
import Testing

/// What report XML's reader checks about indicators and observables beyond the schema, where the schema is
/// deliberately lax, and generated reports through the format.
struct ReportXMLDetectionReaderTests {
    typealias T = ReportXMLDetectionTests

    /// Schema-valid documents the authoring checks refuse, and the reader with them, at the element's line.
    @Test(arguments: [
        ("[ipv4-addr:value = '203.0.113.5'] OR", "[ipv4-addr:valu = '203.0.113.5'] OR", "'pattern': 'ipv4-addr' has no property 'valu'"),
        ("<domainName>bücher.example<", "<domainName>b©cher.example<", "'domainName': '©' may not appear in a domain name"),
        (":8443/a?b=1", ":98443/a?b=1", "'url': a URL's port is ':' and a number from 0 to 65535"),
        ("validFrom=\"2023-01-10\" validUntil=\"2023-12\"", "validFrom=\"2023-01-10\" validUntil=\"2022\"", "'validUntil' (2022) is before 'validFrom' (2023-01-10)"),
        ("<basedOn ref=\"c2-ip\"/>", "<basedOn ref=\"apt-x\"/>", "'apt-x' is an intrusion set, but this must name observable"),
        ("<usedBy ref=\"op-y\"/>", "<usedBy ref=\"japan\"/>", "'japan' is an actor but not a threat actor"),
        ("<involvedIn ref=\"himalaya-incursion\">", "<involvedIn ref=\"plugx\">", "'plugx' is a malware, but this must name incident"),
    ])
    func readerChecksWhatTheSchemaCannot(_ old: String, _ new: String, _ message: String) throws {
        let text = try T.text()
        #expect(text.components(separatedBy: old).count == 2, "'\(old)' must occur once")
        let mutated = text.replacingOccurrences(of: old, with: new)
        #expect(try T.xmllint([mutated]).status == 0, "the schema is meant to accept this")
        let result = ReportXMLReader.read(Array(mutated.utf8), file: "d.xml")
        #expect(result.report == nil)
        let line = try T.line(of: new, in: mutated)
        #expect(result.diagnostics.filter { $0.severity == .error }.map { "\($0.location?.line ?? 0): \($0.message)" } == ["\(line): \(message)"])
    }

    /// Values the authoring checks accept, at the edges of each kind: the schema must never be stricter.
    @Test(arguments: [
        (ObservableKind.ipv4, "0.0.0.0/0"), (.ipv4, "255.255.255.255/32"), (.ipv6, "::"), (.ipv6, "1:2:3:4:5:6:7:8/128"),
        (.ipv6, "1:2:3:4:5:6:7::"), (.ipv6, "::2:3:4:5:6:7:8"), (.ipv6, "fe80::1:2.3.4.5"), (.ipv6, "1:2:3:4:5:6:1.2.3.4"),
        (.ipv6, "ABCD:ef01::/64"), (.domain, "xn--bcher-kva.example"), (.domain, "国家.中国"), (.domain, "1.2"),
        (.domain, String(repeating: "a", count: 63) + ".com"), (.url, "http://203.0.113.5:65535"),
        (.url, "ftp://user:pass@host.example/path?q#frag"), (.url, "https://[::1]/"), (.url, "s3+x.y-z://bucket.example"),
        (.email, "a!#$%&'*+-/=?^_`{|}~@x.example"), (.email, "first.last@sub.mail.example"), (.email, "ünï@bücher.example"),
    ])
    func everyValueTheChecksAcceptIsValid(_ kind: ObservableKind, _ value: String) throws {
        #expect(ObservableSyntax.problem(in: value, as: kind) == nil, "the authoring checks refuse \(value)")
        var report = try HandBuiltReports.minimal()
        report.observables = [Observable(id: "o", kind: kind, value: value)]
        let bytes = try T.export(report)
        let result = ReportXMLReader.read(bytes, file: "d.xml")
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        #expect(result.report == report)
    }

    /// Values the authoring checks refuse, which the schema refuses by itself.
    @Test(arguments: [
        (ObservableKind.ipv4, "1.2.3"), (.ipv4, "01.2.3.4"), (.ipv4, "1.2.3.4/08"), (.ipv6, "12345::"), (.ipv6, "1::2::3"),
        (.ipv6, "1:2:3:4:5:6:7:8:9"), (.ipv6, "::1:2:3:4:5:6:7:8"), (.ipv6, "1:2:3:4:5:1.2.3.4"), (.domain, "com."),
        (.domain, "-a.example"), (.domain, String(repeating: "a", count: 64) + ".com"), (.url, "http//a.example"),
        (.url, "https://a.example:/"), (.email, "a..b@x.example"), (.email, "a@x"), (.email, "a b@x.example"),
    ])
    func valuesTheChecksRefuseAreInvalid(_ kind: ObservableKind, _ value: String) throws {
        #expect(ObservableSyntax.problem(in: value, as: kind) != nil, "the authoring checks accept \(value)")
        var report = try HandBuiltReports.minimal()
        report.observables = [Observable(id: "o", kind: kind, value: value)]
        #expect(throws: ExportError.self) { _ = try T.export(report) }
    }

    @Test func anObservableTheFormatCannotHoldIsRefusedNotDropped() throws {
        var report = try HandBuiltReports.minimal()
        report.observables = [Observable(id: "o", kind: .ipv4, value: "203.0.113.5", fileName: "a.exe")]
        #expect(throws: ExportError.self) { _ = try T.export(report, validates: false) }
        report.observables = [Observable(id: "o", kind: .file, value: "x", hashes: [FileHash(.md5, String(repeating: "0", count: 32))])]
        #expect(throws: ExportError.self) { _ = try T.export(report, validates: false) }
        report.observables = [Observable(id: "o", kind: .domain)]
        #expect(throws: ExportError.self) { _ = try T.export(report) }
    }

    @Test(arguments: 0..<16)
    func generatedReportsRoundTrip(_ seed: UInt64) throws {
        var generator = ReportGenerator(seed: 22_000 + seed)
        var report = try generator.report(size: 6 + Int(seed % 5))
        _ = try generator.addDetectionObjects(to: &report)
        let bytes = try T.export(report)
        let result = ReportXMLReader.read(bytes, file: "g.xml")
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        #expect(result.report == report)
        #expect(try T.export(report, validates: false) == bytes)
    }

    @Test func generatedReportsPassXmllint() throws {
        var texts: [String] = []
        for seed in 0..<16 as Range<UInt64> {
            var generator = ReportGenerator(seed: 22_000 + seed)
            var report = try generator.report(size: 6 + Int(seed % 5))
            _ = try generator.addDetectionObjects(to: &report)
            texts.append(String(decoding: try T.export(report, validates: false), as: UTF8.self))
        }
        let result = try T.xmllint(texts)
        #expect(result.status == 0, "\(result.errors.prefix(1000))")
    }

    /// Every recipient's view keeps its references resolving once the sharing policy has withheld some of the
    /// indicators, observables, malware and tools (and the links to them): the writer's schema check passes and
    /// the view reads back as it was.
    @Test(arguments: 0..<6)
    func recipientViewsValidateAndReadBack(_ seed: UInt64) throws {
        var generator = ReportGenerator(seed: 23_000 + seed)
        var report = try generator.report(size: 8 + Int(seed % 4))
        _ = try generator.addDetectionObjects(to: &report)
        var withheld = 0
        for name in ReportGenerator.recipients(for: report) {
            let recipient = try Recipient.resolve(name, in: report)
            let view = try SharingPolicy(redactsWithheldNames: true).view(report, for: recipient).view.report
            withheld += report.detectionObjectCount - view.detectionObjectCount
            let bytes = try T.export(view)
            let result = ReportXMLReader.read(bytes, file: "\(name).xml")
            #expect(!result.diagnostics.hasErrors, "seed \(seed), \(name): \(result.diagnostics)")
            // Link labels are the view's own (never read back, as for every other link); the rest is equal.
            let (back, expected) = (Self.unlabelled(try #require(result.report)), Self.unlabelled(view))
            #expect(back.indicators == expected.indicators, "seed \(seed), \(name)")
            #expect(back.observables == expected.observables, "seed \(seed), \(name)")
            #expect(back.malware == expected.malware && back.tools == expected.tools, "seed \(seed), \(name)")
        }
        #expect(withheld > 0, "seed \(seed): no recipient lost any of them, so nothing was tested")
    }

    /// The report with the labels of its indicators', observables', malware's and tools' links cleared.
    private static func unlabelled(_ report: ThreatReport) -> ThreatReport {
        func clear(_ links: inout [Link]) { for index in links.indices { links[index].label = nil } }
        var report = report
        for index in report.indicators.indices {
            clear(&report.indicators[index].indicates)
            clear(&report.indicators[index].basedOn)
        }
        for index in report.observables.indices { clear(&report.observables[index].involvedIn) }
        for index in report.malware.indices { clear(&report.malware[index].usedBy) }
        for index in report.tools.indices { clear(&report.tools[index].usedBy) }
        return report
    }
}
