import Export
import ExportTestSupport
import Foundation
import Testing

/// Indicators, observables, malware and tools in report XML: carried field for field, valid for xmllint, and
/// refused by xmllint and by the reader when a reference dangles or a value has the wrong shape.
struct ReportXMLDetectionTests {
    static func export(_ report: ThreatReport, validates: Bool = true) throws -> [UInt8] {
        var sink = MemorySink()
        _ = try ReportXMLWriter().write(ReleasedReport(everythingIn: report), options: .init(validates: validates), to: &sink)
        return sink.bytes
    }

    static func text() throws -> String {
        String(decoding: try export(try HandBuiltReports.everythingWithDetection()), as: UTF8.self)
    }

    static func xmllint(_ texts: [String]) throws -> ProcessResult {
        let directory = try RepositoryPaths.makeTemporaryDirectory()
        var files: [String] = []
        for (index, text) in texts.enumerated() {
            let file = directory.appendingPathComponent("d\(index).xml")
            try Data(text.utf8).write(to: file)
            files.append(file.path)
        }
        let schema = RepositoryPaths.schemas.appendingPathComponent("threat-report.xsd").path
        return try Oracle.runSystemTool("xmllint", ["--noout", "--nonet", "--schema", schema] + files)
    }

    /// The 1-based line of the first line containing `needle`.
    static func line(of needle: String, in text: String) throws -> Int {
        try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) }) + 1
    }

    @Test func everyKindRoundTripsFieldForField() throws {
        let report = try HandBuiltReports.everythingWithDetection()
        var sink = MemorySink()
        let summary = try ReportXMLWriter().write(ReleasedReport(everythingIn: report), options: .default, to: &sink)
        #expect(summary.notCarried == [:])
        #expect(summary.objectsWritten == report.objectCount + 9 + 2 + 2 + 2)
        let result = ReportXMLReader.read(sink.bytes, file: "d.xml")
        #expect(result.diagnostics == [])
        let back = try #require(result.report)
        #expect(back.indicators == report.indicators)
        #expect(back.observables == report.observables)
        #expect(back.malware == report.malware)
        #expect(back.tools == report.tools)
        #expect(back == report)
        // Deterministic, and the same bytes whether validated first or streamed.
        #expect(try Self.export(report) == sink.bytes)
        #expect(try Self.export(report, validates: false) == sink.bytes)
    }

    @Test func theMappingReadsAsDocumented() throws {
        let text = try Self.text()
        for fragment in [
            "<indicator id=\"c2-indicator\" validFrom=\"2023-01-10\" validUntil=\"2023-12\" confidence=\"75\">",
            "<pattern type=\"yara\">rule dropper { condition: true }</pattern>",
            "<killChainPhase killChain=\"lockheed-martin-cyber-kill-chain\" phase=\"command-and-control\"/>",
            "<basedOn ref=\"c2-ip\"/>", "<ipv4Address>203.0.113.0/24</ipv4Address>", "<ipv6Address>2001:db8::/32</ipv6Address>",
            "<url>https://user@[2001:db8::1]:8443/a?b=1&amp;c=&lt;2&gt;#f</url>",
            "<name>invoice &amp; &lt;copy&gt;.exe</name>", "<sha1>DA39A3EE5E6B4B0D3255BFEF95601890AFD80709</sha1>",
            "<malware id=\"plugx-sample\" isFamily=\"false\">", "<usedBy ref=\"op-y\"/>",
        ] {
            #expect(text.contains(fragment), "\(fragment)")
        }
        // The lists follow the incidents, in the model's order.
        let order = ["<incidents>", "<indicators>", "<observables>", "<malware>", "<tools>"].compactMap { text.range(of: $0)?.lowerBound }
        #expect(order.count == 5 && order == order.sorted())
    }

    @Test func outputPassesXmllint() throws {
        let result = try Self.xmllint([try Self.text()])
        #expect(result.status == 0, "\(result.errors.prefix(1000))")
        #expect(result.errors.contains("validates"))
    }
}

extension ReportXMLDetectionTests {
    /// A schema-valid document broken in one place, and what libxml2 (xmllint, and our reader) says about it.
    enum Broken: String, CaseIterable, Sendable {
        case danglingBasedOn, danglingIndicates, danglingUses, danglingInvolves, duplicateAcrossKinds
        case shortSHA256, nonHexMD5, hashesOutOfOrder, fileWithoutDigest, badIPv4, badIPv6Prefix, hyphenatedLabel
        case uppercaseKillChain, familyAsNumber

        var replacement: (String, String) {
            switch self {
            case .danglingBasedOn: ("<basedOn ref=\"c2-ip\"/>", "<basedOn ref=\"nowhere\"/>")
            case .danglingIndicates: ("<indicates ref=\"plugx\"/>", "<indicates ref=\"nowhere\"/>")
            case .danglingUses: ("<usedBy ref=\"op-y\"/>", "<usedBy ref=\"nowhere\"/>")
            case .danglingInvolves: ("<involvedIn ref=\"himalaya-incursion\">", "<involvedIn ref=\"nowhere\">")
            case .duplicateAcrossKinds: ("<tool id=\"bare-tool\">", "<tool id=\"china-mss\">")
            case .shortSHA256: ("<sha256>e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "<sha256>e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85")
            case .nonHexMD5: ("<md5>d41d8cd98f00b204e9800998ecf8427e", "<md5>g41d8cd98f00b204e9800998ecf8427e")
            case .hashesOutOfOrder: ("<md5>d41d8cd98f00b204e9800998ecf8427e</md5>", "<sha512>\(String(repeating: "cf83e135", count: 16))</sha512><md5>d41d8cd98f00b204e9800998ecf8427e</md5>")
            case .fileWithoutDigest: ("<sha512>\(String(repeating: "0a", count: 64))</sha512>", "")
            case .badIPv4: ("<ipv4Address>203.0.113.5<", "<ipv4Address>203.0.113.256<")
            case .badIPv6Prefix: ("<ipv6Address>2001:db8::/32<", "<ipv6Address>2001:db8::/129<")
            case .hyphenatedLabel: ("<domainName>bücher.example<", "<domainName>bücher-.example<")
            case .uppercaseKillChain: ("phase=\"exfiltration\"", "phase=\"Exfiltration\"")
            case .familyAsNumber: ("isFamily=\"false\"", "isFamily=\"0\"")
            }
        }

        /// Words of libxml2's finding.
        var finding: String {
            switch self {
            case .danglingBasedOn: "keyref '{urn:exportctl:threat-report:1}basedOnTarget'"
            case .danglingIndicates: "keyref '{urn:exportctl:threat-report:1}indicatesTarget'"
            case .danglingUses: "keyref '{urn:exportctl:threat-report:1}usesTarget'"
            case .danglingInvolves: "keyref '{urn:exportctl:threat-report:1}involvesTarget'"
            case .duplicateAcrossKinds: "Duplicate key-sequence ['china-mss']"
            case .hashesOutOfOrder: "This element is not expected"
            case .fileWithoutDigest: "Missing child element(s)"
            default: "[facet 'pattern']"
            }
        }
    }

    @Test(arguments: Broken.allCases)
    func xmllintAndTheReaderRefuse(_ broken: Broken) throws {
        let text = try Self.text()
        let (old, new) = broken.replacement
        #expect(text.components(separatedBy: old).count == 2, "'\(old)' must occur once")
        let mutated = text.replacingOccurrences(of: old, with: new)
        let xmllint = try Self.xmllint([mutated])
        #expect(xmllint.status != 0, "xmllint accepts \(broken)")
        #expect(xmllint.errors.contains(broken.finding), "\(xmllint.errors.prefix(600))")
        let result = ReportXMLReader.read(Array(mutated.utf8), file: "d.xml")
        #expect(result.report == nil)
        #expect(result.diagnostics.contains { $0.message.contains(broken.finding) }, "\(result.diagnostics)")
    }
}
