@testable import Export
import ExportTestSupport
import Foundation
import Testing

/// Indicators, CybOX observables, malware and tools in STIX 1.2, against the official schemas (in-process and
/// sdv) and read back by python-stix.
struct STIX12DetectionTests {
    /// The detection fixture with every kind of observable (IPv4 and IPv6 addresses and CIDR blocks, domain,
    /// URL, e-mail address, a file with all four digests), an indicator on several of them that indicates a
    /// campaign and malware, a campaign using a tool, and markings that differ from the default.
    static func report() throws -> ThreatReport {
        var report = try STIX21DetectionWriterTests.report()
        report.observables += [
            Observable(id: "net4", kind: .ipv4, value: "198.51.100.0/24"),
            Observable(id: "addr6", kind: .ipv6, value: "2001:db8::5", marking: Marking(tlp: .amber)),
            Observable(id: "net6", kind: .ipv6, value: "2001:db8::/32"),
            Observable(id: "dom", kind: .domain, value: "update.evil.example"),
            Observable(id: "link", kind: .url, value: "https://update.evil.example/a?b=1&c=<2>"),
            Observable(id: "mail", kind: .email, value: "ops@evil.example"),
            Observable(id: "sample", kind: .file, hashes: [
                FileHash(.md5, "d41d8cd98f00b204e9800998ecf8427e"),
                FileHash(.sha1, "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
                FileHash(.sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
                FileHash(.sha512, String(repeating: "cf83e1357eefb8bd", count: 8)),
            ], fileName: "update.exe"),
            Observable(id: "c2-ip-again", kind: .ipv4, value: "203.0.113.5"),  // one value, one CybOX observable
        ]
        report.observables[0].involvedIn.append(Link("breach"))
        report.campaigns = [Activity(id: "op", name: "Operation Otter", attributedTo: [Link("apt-x")])]
        report.tools[0].usedBy.append(Link("op"))
        report.tools[0].aliases = ["psexesvc"]
        report.tools[0].types.append("network-capture")
        report.malware[0].aliases = ["Korplug", "Sogu"]
        report.malware[0].capabilities = ["communicates-with-c2"]
        var wide = Indicator(
            id: "staging", name: "Staging infrastructure",
            pattern: "[domain-name:value = 'update.evil.example'] OR [ipv6-addr:value ISSUBSET '2001:db8::/32']",
            validFrom: try PartialDate(parsing: "2023-02"), types: ["anonymization", "malicious-activity"],
            confidence: 80, marking: Marking(tlp: .amber))
        wide.basedOn = ["dom", "net6", "addr6", "link", "mail", "sample", "net4", "c2-ip-again"].map { Link($0) }
        wide.indicates = [Link("op"), Link("plugx")]
        report.indicators.append(wide)
        return report
    }

    static func export(_ view: ReleasedReport, validating: Bool = true) throws -> [UInt8] {
        var sink = MemorySink()
        let options = STIX12Writer.Options(schemaDirectory: validating ? try Oracle.stix12Schemas() : nil)
        _ = try STIX12Writer().write(view, options: options, to: &sink)
        return sink.bytes
    }

    private static func file(_ bytes: [UInt8]) throws -> URL {
        let file = try RepositoryPaths.makeTemporaryDirectory().appendingPathComponent("detection.xml")
        try Data(bytes).write(to: file)
        return file
    }

    private static func qname(_ report: ThreatReport, _ type: String, _ id: String) -> String {
        "producer:\(type)-" + StableID.uuid(producer: report.producer.id, type: type, localID: id)
    }

    /// The CybOX `Observable`'s id: the cyber-observable's STIX 2.1 UUID under type `observable`.
    private static func observableID(_ observable: Observable) -> String {
        "producer:observable-" + (SCOIdentity.stixID(of: observable).components(separatedBy: "--").last ?? "")
    }

    @Test func schemaValidForSdvAndXmllintAndDeterministic() throws {
        let view = ReleasedReport(everythingIn: try Self.report())
        let bytes = try Self.export(view)  // throws with libxml2's findings when invalid
        #expect(bytes == (try Self.export(view, validating: false)))
        let package = try Self.file(bytes)
        let result = try Oracle.runVenvTool("stix-validator", ["--best-practices", package.path])
        #expect(result.output.contains("XML Schema: True"), "\(result.output)\(result.errors)")
        // The fixture leaves some indicators without a description, a type STIX 1.2 knows, or a confidence:
        // sdv suggests them, and suggests nothing else.
        let findings = result.output.split(separator: "\n").filter { $0.hasPrefix("    [!] ") }
        #expect(findings == ["    [!] Indicator Suggestions"], "\(result.output)")
        let entry = try RepositoryPaths.makeTemporaryDirectory().appendingPathComponent("entry.xsd")
        try Data(STIX12Schemas.entrySchema(directory: Oracle.stix12Schemas()).utf8).write(to: entry)
        let xmllint = try Oracle.runSystemTool("xmllint", ["--noout", "--nonet", "--schema", entry.path, package.path])
        #expect(xmllint.status == 0, "\(xmllint.errors)")
    }

    /// With every field sdv suggests for an indicator present, the package follows its best practices.
    @Test func completeIndicatorsFollowSdvsBestPractices() throws {
        var report = try Self.report()
        for position in report.indicators.indices {
            report.indicators[position].description = report.indicators[position].description ?? "What to watch for."
            report.indicators[position].types = ["anonymization"]
            report.indicators[position].confidence = 60
            report.indicators[position].indicates.append(Link("plugx"))
        }
        let package = try Self.file(Self.export(ReleasedReport(everythingIn: report)))
        let result = try Oracle.runVenvTool("stix-validator", ["--best-practices", package.path])
        #expect(result.output.contains("XML Schema: True"), "\(result.output)\(result.errors)")
        #expect(result.output.contains("Best Practices: True"), "\(result.output)")
    }

    @Test func pythonStixReadsIndicatorsObservablesAndTTPs() throws {
        let report = try Self.report()
        let package = try Self.file(Self.export(ReleasedReport(everythingIn: report)))
        let result = try Oracle.runScript("stix12_readback.py", [package.path])
        try #require(result.status == 0, "\(result.errors)")
        let json = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        let index = Dictionary(report.observables.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

        let observables = try #require(json["observables"] as? [String: [String: Any]])
        #expect(observables.count == report.observables.count - 1, "one value, one observable")
        for observable in report.observables {
            let read = try #require(observables[Self.observableID(observable)], "\(observable.id)")
            #expect(read["object"] as? String == "producer:" + SCOIdentity.stixID(of: observable).replacingOccurrences(of: "--", with: "-"))
            if observable.kind == .file {
                let hashes = Dictionary(uniqueKeysWithValues: observable.hashes.map {
                    ($0.algorithm.rawValue.replacingOccurrences(of: "-", with: ""), $0.value)
                })
                #expect(read["hashes"] as? [String: String] == hashes)
                #expect(read["file_name"] as? String == observable.fileName)
            } else {
                #expect(read["value"] as? String == observable.value, "\(observable.id)")
            }
        }
        #expect(observables[Self.observableID(index["net6"]!)]?["category"] as? String == "cidr")
        #expect(observables[Self.observableID(index["addr6"]!)]?["category"] as? String == "ipv6-addr")
        #expect(observables[Self.observableID(index["mail"]!)]?["category"] as? String == "e-mail")

        let indicators = try #require(json["indicators"] as? [String: [String: Any]])
        #expect(indicators.count == report.indicators.count)
        for indicator in report.indicators {
            let read = try #require(indicators[indicator.name])
            #expect(read["patterns"] as? [[String]] == [[indicator.patternType.rawValue, indicator.pattern]])
            var seen: Set<String> = []
            let based = indicator.basedOn.compactMap { index[$0.ref].map(Self.observableID) }.filter { seen.insert($0).inserted }
            #expect(read["observables"] as? [String] == based, "\(indicator.id)")
            #expect(read["ttps"] as? [String] == indicator.indicates.filter { $0.ref == "plugx" }.map { Self.qname(report, "malware", $0.ref) })
            #expect(read["campaigns"] as? [String] == indicator.indicates.filter { $0.ref == "op" }.map { Self.qname(report, "campaign", $0.ref) })
        }
        let c2 = try #require(indicators["C2 address"])
        #expect(c2["valid"] as? [[String]] == [["2023-01-10 00:00:00+00:00", "day", "2023-12-31 23:59:59+00:00", "month"]])
        #expect(c2["kill_chain_phases"] as? [[String]] == [["lockheed-martin-cyber-kill-chain", "command-and-control"]])
        let staging = try #require(indicators["Staging infrastructure"])
        #expect(staging["types"] as? [[String]] == [["stixVocabs:IndicatorTypeVocab-1.1", "Anonymization"]])
        #expect(staging["confidence"] as? String == "High")

        let ttps = try #require(json["ttps"] as? [String: [String: Any]])
        let plugx = try #require(ttps[Self.qname(report, "malware", "plugx")])
        #expect(plugx["malware"] as? [[String]] == [["PlugX", "Korplug", "Sogu"]])
        #expect(plugx["malware_types"] as? [[String]] == [["stixVocabs:MalwareTypeVocab-1.0", "Remote Access Trojan"]])
        let psexec = try #require(ttps[Self.qname(report, "tool", "psexec")])
        let tools = try #require(psexec["tools"] as? [[Any]])
        #expect(tools.count == 1 && tools.first?.first as? String == "PsExec")
        #expect(tools.first?.last as? [String] == ["Packet Capture and Analysis"])

        let uses = try #require(json["uses"] as? [String: [String]])
        #expect(uses["APT X"] == [Self.qname(report, "malware", "plugx"), Self.qname(report, "tool", "psexec")].sorted())
        #expect(uses["Operation Otter"] == [Self.qname(report, "tool", "psexec")])
        let involves = try #require(json["involves"] as? [String: [String]])
        #expect(involves["Breach"] == [Self.observableID(index["c2-ip"]!)])

        // Every item's own colour: components from their Handling, observables from the header.
        let colours = try #require(json["tlp"] as? [String: Any])
        #expect(colours[Self.qname(report, "indicator", "staging")] as? String == "AMBER")
        #expect(colours[Self.qname(report, "indicator", "c2")] as? String == STIX12WriterTests.colour(report.defaultMarking))
        #expect(colours[Self.observableID(index["addr6"]!)] as? String == "AMBER")
        #expect(colours[Self.observableID(index["dom"]!)] as? String == STIX12WriterTests.colour(report.defaultMarking))
        #expect(colours[Self.qname(report, "malware", "plugx")] as? String == STIX12WriterTests.colour(report.defaultMarking))
        #expect(json["empty_structures"] as? [String] == [], "every Controlled_Structure selects something")
    }

    /// Generated reports with detection objects under markings of every kind, whole and as each recipient's
    /// view: schema-valid, every Controlled_Structure selects a node, and each indicator and TTP carries its own
    /// label in its Handling, each observable its own through the header.
    @Test(arguments: 0..<4)
    func generatedViewsValidateAndCarryEachItemsLabel(seed: Int) throws {
        var generator = ReportGenerator(seed: UInt64(9_100 + seed))
        var report = try generator.report(size: 8 + seed)
        _ = try generator.addDetectionObjects(to: &report)
        var views = [ReleasedReport(everythingIn: report)]
        for name in ReportGenerator.recipients(for: report).prefix(3) {
            views.append(try SharingPolicy(redactsWithheldNames: true).view(report, for: Recipient.resolve(name, in: report)).view)
        }
        for released in views {
            let view = released.report
            let package = try Self.file(Self.export(released))  // validates against the official schemas
            let result = try Oracle.runScript("stix12_readback.py", [package.path])
            try #require(result.status == 0, "\(result.errors)")
            let json = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
            let context = "seed \(seed) \(released.recipient ?? "all")"
            #expect(json["empty_structures"] as? [String] == [], "\(context)")
            let colours = try #require(json["tlp"] as? [String: Any])
            func expectOwn(_ id: String, _ marking: Marking?) {
                #expect(colours[id] as? String == STIX12WriterTests.colour(marking ?? view.defaultMarking), "\(context): \(id)")
            }
            for indicator in view.indicators { expectOwn(Self.qname(view, "indicator", indicator.id), indicator.marking) }
            for malware in view.malware { expectOwn(Self.qname(view, "malware", malware.id), malware.marking) }
            for tool in view.tools { expectOwn(Self.qname(view, "tool", tool.id), tool.marking) }
            var seen: Set<String> = []
            for observable in view.observables where seen.insert(Self.observableID(observable)).inserted {
                expectOwn(Self.observableID(observable), observable.marking)
            }
            #expect((json["indicators"] as? [String: Any])?.count == view.indicators.count, "\(context)")
        }
    }

    /// What STIX 1.2 still cannot carry of them is counted, and nothing else of them.
    @Test func countsExactlyWhatItCannotCarry() throws {
        var sink = MemorySink()
        let summary = try STIX12Writer().write(ReleasedReport(everythingIn: Self.report()), options: .default, to: &sink)
        let counts = summary.notCarried
        #expect(counts[STIX12Loss.indicatorType.rawValue] == 2)  // malicious-activity, twice
        #expect(counts[STIX12Loss.indicatorActor.rawValue] == 1)  // c2 indicates apt-x
        #expect(counts[STIX12Loss.malwareCapability.rawValue] == 1)
        #expect(counts[STIX12Loss.malwareFamily.rawValue] == 1)
        #expect(counts[STIX12Loss.toolType.rawValue] == 1)  // remote-access
        #expect(counts[STIX12Loss.toolAlias.rawValue] == 1)
        for kind in ["indicator", "observable", "malware", "tool"] { #expect(counts[kind] == nil) }
        // Their evidence quotes are counted too (the other objects' come from evidencedItems).
        var quoted = try Self.report()
        quoted.indicators[0].evidence = ["one", "two"]
        quoted.indicators[0].basedOn[0].evidence = ["three"]
        quoted.malware[0].evidence = ["four"]
        quoted.tools[0].usedBy[0].evidence = ["five"]
        quoted.observables[0].involvedIn[0].evidence = ["six"]
        var again = MemorySink()
        let evidence = try STIX12Writer().write(ReleasedReport(everythingIn: quoted), options: .default, to: &again)
            .notCarried[STIX12Loss.evidence.rawValue] ?? 0
        #expect(evidence - (counts[STIX12Loss.evidence.rawValue] ?? 0) == 6)
    }

    /// The sharing layer's decision holds in STIX 1.2: an indicator whose pattern names a withheld observable
    /// leaves with neither; the whole export (the control) has both.
    @Test func aWithheldIndicatorAndObservableDoNotAppear() throws {
        let report = try SharingDetectionGuaranteeTests.demo()
        let whole = String(decoding: try Self.export(ReleasedReport(everythingIn: report)), as: UTF8.self)
        #expect(whole.contains("203.0.113.5") && whole.contains("<stix:Indicator "))
        let view = try SharingPolicy().view(report, for: Recipient.resolve("IND", in: report)).view
        let shared = String(decoding: try Self.export(view), as: UTF8.self)
        #expect(!shared.contains("203.0.113.5"))
        #expect(!shared.contains("<stix:Indicator") && !shared.contains("cybox:Observable"))
    }
}
