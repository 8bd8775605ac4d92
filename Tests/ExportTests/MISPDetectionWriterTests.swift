import Export
import ExportTestSupport
import Foundation
import Testing

/// Indicators, observables, malware and tools in MISP (issue 22): PyMISP loads every event, objects pass their
/// templates strictly, every attribute's category allows its type, `validate` accepts the file, and each item
/// has MISP's type, category, `to_ids`, UUID and relationships.
struct MISPDetectionWriterTests {
    /// The STIX 2.1 detection tests' report (an IPv4 C2 indicator of APT X and PlugX, the address seen in an
    /// incident, a named file with two digests, PlugX and PsExec used by APT X) with every other kind added.
    static func report() throws -> ThreatReport {
        var report = try STIX21DetectionWriterTests.report()
        report.intrusionSets.append(IntrusionSet(id: "set-x", name: "Set X"))
        report.campaigns.append(Campaign(id: "op-x", name: "Operation X"))
        let year = try PartialDate(parsing: "2023")
        func add(_ id: String, _ name: String, _ pattern: String, on observable: String?, indicates: String? = nil,
                 type: PatternType = .stix) {
            var indicator = Indicator(id: id, name: name, pattern: pattern, patternType: type, validFrom: year)
            indicator.basedOn = observable.map { [Link($0)] } ?? []
            indicator.indicates = indicates.map { [Link($0)] } ?? []
            report.indicators.append(indicator)
        }
        add("net6", "IPv6 block", "[ipv6-addr:value = '2001:db8::/32']", on: "block6", indicates: "set-x")
        add("dom", "Domain", "[domain-name:value = 'evil.example']", on: "evil-domain", indicates: "op-x")
        add("link", "URL", "[url:value = 'https://evil.example/a']", on: "evil-url")
        add("mail", "Sender", "[email-addr:value = 'ops@evil.example']", on: "sender")
        add("drop", "Dropper", "[file:hashes.'SHA-256' = '\(report.observables[1].hashes[1].value)']", on: "dropper",
            indicates: "plugx")
        add("rule", "Sigma rule", "title: x", on: nil, type: "sigma")
        report.observables += [
            Observable(id: "block6", kind: .ipv6, value: "2001:db8::/32"),
            Observable(id: "evil-domain", kind: .domain, value: "evil.example"),
            Observable(id: "evil-url", kind: .url, value: "https://evil.example/a"),
            Observable(id: "sender", kind: .email, value: "ops@evil.example"),
            Observable(id: "loader", kind: .file, hashes: [FileHash(.sha1, "da39a3ee5e6b4b0d3255bfef95601890afd80709")]),
            Observable(id: "scanner", kind: .ipv4, value: "198.51.100.7"),
        ]
        report.malware[0].aliases = ["Korplug"]
        report.malware[0].usedBy.append(Link("set-x"))
        report.tools[0].usedBy.append(Link("op-x"))
        #expect(AuthoringReader.read(CanonicalJSON.bytes(report.authoringJSON()), file: "d.json").diagnostics.isEmpty)
        return report
    }

    /// Every attribute of every event, with the name of the object holding it (`nil` on the event).
    static func attributes(_ events: [[String: Any]]) -> [(object: String?, attribute: [String: Any])] {
        events.flatMap { event in
            (event["Attribute"] as? [[String: Any]] ?? []).map { (nil, $0) }
                + (event["Object"] as? [[String: Any]] ?? []).flatMap { object in
                    (object["Attribute"] as? [[String: Any]] ?? []).map { (object["name"] as? String, $0) }
                }
        }
    }

    @Test(arguments: MISPEventMode.allCases)
    func pymispAndValidateAcceptEveryKind(mode: MISPEventMode) throws {
        let file = try MISPWriterTests.export(Self.report(), mode: mode)
        let events = try Oracle.runScript("misp_check.py", ["events", file.path])
        #expect(events.status == 0, "\(events.errors)")
        let strict = try Oracle.runScript("misp_validate.py", [file.path])
        #expect(strict.status == 0 && strict.output.contains("\"valid\": true"), "\(strict.output)\(strict.errors)")
        let bytes = try MISPWriterTests.render(Self.report(), mode: mode)
        let findings = try MISPValidator.validate(InputHandle(bytes: bytes, name: "misp.json"))
        #expect(findings.isEmpty, "\(findings.map(\.message))")
        #expect(bytes == (try MISPWriterTests.render(Self.report(), mode: mode)), "two exports differ")
        // A feed's hashes.csv lists object attributes too: it must still be what PyMISP's generator writes.
        let feed = try RepositoryPaths.makeTemporaryDirectory().appendingPathComponent("feed")
        _ = try MISPWriterTests.export(Self.report(), mode: mode, feed: feed)
        let checked = try Oracle.runScript("misp_check.py", ["feed", feed.path])
        #expect(checked.status == 0, "\(checked.errors)")
    }

    @Test func mispStixTurnsThemBackIntoSTIX() throws {
        let file = try MISPWriterTests.export(Self.report(), mode: .perReport)
        let result = try Oracle.runScript("misp_check.py", ["stix", file.path])
        #expect(result.status == 0, "\(result.errors)")
        let ids = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [[String]]).joined()
        for type in ["indicator--", "malware--", "tool--"] { #expect(ids.contains { $0.hasPrefix(type) }, "no \(type) in \(ids)") }
    }

    @Test func observablesHaveMISPsTypesCategoriesAndDetectionFlags() throws {
        let report = try Self.report()
        let all = Self.attributes(try MISPWriterTests.events(report, mode: .perReport))
        func attribute(_ value: String) throws -> [String: Any] {
            try #require(all.first { $0.attribute["value"] as? String == value }?.attribute, "no attribute \(value)")
        }
        let expected: [(String, String, String, Bool)] = [
            ("203.0.113.5", "ip-dst", "Network activity", true), ("2001:db8::/32", "ip-dst", "Network activity", true),
            ("evil.example", "domain", "Network activity", true), ("https://evil.example/a", "url", "Network activity", true),
            ("ops@evil.example", "email", "Payload delivery", true),
            ("da39a3ee5e6b4b0d3255bfef95601890afd80709", "sha1", "Payload delivery", false),
            ("198.51.100.7", "ip-dst", "Network activity", false),
            ("d41d8cd98f00b204e9800998ecf8427e", "md5", "Payload delivery", true),
        ]
        for (value, type, category, toIDs) in expected {
            let found = try attribute(value)
            #expect(found["type"] as? String == type && found["category"] as? String == category, "\(value): \(found)")
            #expect(found["to_ids"] as? Bool == toIDs, "\(value): to_ids")
        }
        // An observable attribute is named as the STIX 2.1 cyber-observable is.
        let c2 = try #require(report.observables.first { $0.id == "c2-ip" })
        #expect(try attribute("203.0.113.5")["uuid"] as? String == SCOIdentity.stixID(of: c2).components(separatedBy: "--")[1])
        // A file with a name and two digests is a file object; the lone SHA-1 is an attribute.
        #expect(all.first { $0.attribute["value"] as? String == "a.exe" }?.object == "file")
        #expect(all.first { $0.attribute["type"] as? String == "sha1" }?.object == nil)
        let pattern = try attribute("[ipv4-addr:value = '203.0.113.5']")
        #expect(pattern["type"] as? String == "stix2-pattern" && pattern["to_ids"] as? Bool == true)
        #expect(pattern["category"] as? String == "Network activity")
        #expect(try attribute("[file:hashes.'SHA-256' = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08']")["category"] as? String == "Payload delivery")
    }

    @Test func indicatorsAreStixPatternObjectsWithTheirRelationships() throws {
        let report = try Self.report()
        let event = try #require(try MISPWriterTests.events(report, mode: .perReport).first)
        let objects = event["Object"] as? [[String: Any]] ?? []
        let ids = IdentityIndex(report)
        func uuid(_ id: String) -> String { ids.identity(of: id)?.uuid ?? "" }
        let c2 = try #require(objects.first { $0["uuid"] as? String == uuid("c2") })
        #expect(c2["name"] as? String == "stix2-pattern")
        #expect(c2["first_seen"] as? String == "2023-01-10T00:00:00.000000+00:00")
        #expect(c2["last_seen"] as? String == "2023-12-31T23:59:59.999000+00:00")
        #expect((c2["comment"] as? String)?.hasPrefix("C2 address") == true)
        let references = (c2["ObjectReference"] as? [[String: Any]] ?? []).map {
            "\($0["relationship_type"] ?? "") \($0["referenced_uuid"] ?? "")"
        }
        #expect(references == ["based-on " + uuid("c2-ip")])
        let tags = (c2["Attribute"] as? [[String: Any]] ?? []).flatMap { $0["Tag"] as? [[String: Any]] ?? [] }.compactMap { $0["name"] as? String }
        #expect(tags.contains("misp-galaxy:threat-actor=\"APT X\"") && tags.contains("misp-galaxy:stix-2.1-malware=\"PlugX\""), "\(tags)")
        func referenced(_ indicator: String) -> [String] {
            let object = objects.first { $0["uuid"] as? String == uuid(indicator) }
            return (object?["ObjectReference"] as? [[String: Any]] ?? []).map { "\($0["relationship_type"] ?? "") \($0["referenced_uuid"] ?? "")" }
        }
        #expect(referenced("net6").contains("indicates " + uuid("set-x")))
        #expect(referenced("dom").contains("indicates " + uuid("op-x")))
        // The incident holds the observable it involves.
        let incident = try #require(objects.first { $0["uuid"] as? String == uuid("breach") })
        let involved = (incident["ObjectReference"] as? [[String: Any]] ?? []).first { $0["referenced_uuid"] as? String == uuid("c2-ip") }
        #expect(involved?["relationship_type"] as? String == "related-to" && involved?["comment"] as? String == "involves")
        // The sigma rule has no STIX pattern to write: counted, never dropped silently.
        let (_, summary) = MISPWriter.events(for: ReleasedReport(everythingIn: report), mode: .perReport)
        #expect(summary.notCarried["indicator with a pattern other than STIX"] == 1)
        #expect(!objects.contains { ($0["comment"] as? String)?.contains("Sigma rule") == true })
    }

    @Test func malwareAndToolsAreClustersUsedByTheirUsers() throws {
        let report = try Self.report()
        let event = try #require(try MISPWriterTests.events(report, mode: .perReport).first)
        let ids = IdentityIndex(report)
        let galaxies = event["Galaxy"] as? [[String: Any]] ?? []
        #expect(galaxies.compactMap { $0["type"] as? String } == ["threat-actor", "stix-2.1-malware", "stix-2.1-tool"])
        let clusters = galaxies.flatMap { $0["GalaxyCluster"] as? [[String: Any]] ?? [] }
        let plugx = try #require(clusters.first { $0["value"] as? String == "PlugX" })
        #expect(plugx["uuid"] as? String == ids.identity(of: "plugx")?.uuid)
        #expect((plugx["meta"] as? [String: Any])?["synonyms"] as? [String] == ["Korplug"])
        let actor = try #require(clusters.first { $0["value"] as? String == "APT X" })
        let uses = (actor["GalaxyClusterRelation"] as? [[String: Any]] ?? []).compactMap { $0["referenced_galaxy_cluster_uuid"] as? String }
        #expect(Set(uses) == Set(["plugx", "psexec"].compactMap { ids.identity(of: $0)?.uuid }))
        // The intrusion set and the campaign, which are no clusters, carry the software's tags.
        let tags = Self.attributes([event]).flatMap { $0.attribute["Tag"] as? [[String: Any]] ?? [] }.compactMap { $0["name"] as? String }
        #expect(tags.contains("misp-galaxy:stix-2.1-tool=\"PsExec\""))
    }

    /// The sharing layer decided; the writer writes the view: a withheld observable's value and a withheld
    /// indicator's pattern are nowhere in the partner's MISP, the released ones are, and a recipient who may see
    /// everything receives it all.
    @Test func aWithheldObservableOrPatternIsNotWrittenAReleasedOneIs() throws {
        let read = AuthoringReader.read(Array((AuthoringFixtures.header + """
            actors:
              - {id: france, name: France, kind: state, country: FR}
              - {id: germany, name: Germany, kind: state, country: DE}
            indicators:
              - {id: open, name: Open, pattern: "[domain-name:value = 'shared.example']", valid_from: 2023, based_on: [shared]}
              - {id: closed, name: Closed, pattern: "[url:value = 'https://secret.example/x']", valid_from: 2023, marking: {tlp: amber, releasable_to: [DEU]}}
            observables:
              - {id: shared, type: domain-name, value: shared.example}
              - {id: hidden, type: ipv4-addr, value: 192.0.2.77, marking: {tlp: amber, releasable_to: [DEU]}}

            """).utf8), file: "s.yaml")
        let report = try #require(read.report)
        func output(for name: String) throws -> String {
            let view = try SharingPolicy().view(report, for: try Recipient.resolve(name, in: report)).view
            var sink = MemorySink()
            _ = try MISPWriter().write(view, options: .init(events: .perReport), to: &sink)
            return String(decoding: sink.bytes, as: UTF8.self)
        }
        let released = ["\"shared.example\"", "[domain-name:value = 'shared.example']"]
        let withheld = ["192.0.2.77", "secret.example"]
        let france = try output(for: "FRA")
        for needle in released { #expect(france.contains(needle), "France misses released \(needle)") }
        for needle in withheld { #expect(!france.contains(needle), "withheld \(needle) reaches France") }
        let germany = try output(for: "DEU")
        for needle in released + withheld { #expect(germany.contains(needle), "Germany misses \(needle)") }
        // Its own marking, as for every other item: narrower than the CLEAR event, so its own sharing group and TLP.
        let document = try #require(try JSONSerialization.jsonObject(with: Data(germany.utf8)) as? [String: Any])
        let event = try #require(document["Event"] as? [String: Any])
        let hidden = try #require(Self.attributes([event]).first { $0.attribute["value"] as? String == "192.0.2.77" }?.attribute)
        #expect(hidden["distribution"] as? String == "4" && hidden["SharingGroup"] != nil, "\(hidden)")
        #expect((hidden["Tag"] as? [[String: Any]])?.contains { $0["name"] as? String == "tlp:amber" } == true)
    }

    /// Two observables with one value have one STIX id, so they are one MISP attribute (MISP keeps one per UUID),
    /// and an indicator based on the second references the first.
    @Test func observablesWithOneValueAreOneAttribute() throws {
        var report = try Self.report()
        report.observables.append(Observable(id: "c2-again", kind: .ipv4, value: "203.0.113.5"))
        var again = Indicator(id: "c2b", name: "C2 again", pattern: "[ipv4-addr:value = '203.0.113.5']",
                              validFrom: try PartialDate(parsing: "2024"))
        again.basedOn = [Link("c2-again")]
        report.indicators.append(again)
        for mode in MISPEventMode.allCases {
            let events = try MISPWriterTests.events(report, mode: mode)
            let copies = Self.attributes(events).filter { $0.attribute["value"] as? String == "203.0.113.5" }
            #expect(copies.count == 1, "\(mode): \(copies.count) attributes for one address")
            let uuid = try #require(copies.first?.attribute["uuid"] as? String)
            let objects = events.flatMap { $0["Object"] as? [[String: Any]] ?? [] }
            let pattern = try #require(objects.first { $0["uuid"] as? String == IdentityIndex(report).identity(of: "c2b")?.uuid })
            let targets = (pattern["ObjectReference"] as? [[String: Any]] ?? []).compactMap { $0["referenced_uuid"] as? String }
            #expect(targets == [uuid], "\(mode)")
            let bytes = try MISPWriterTests.render(report, mode: mode)
            #expect(try MISPValidator.validate(InputHandle(bytes: bytes, name: "misp.json")).isEmpty)
        }
    }

    /// Malware, a tool and the threat actor that uses them, each narrower than the event: each cluster repeats its
    /// own sharing group, so does the actor's `uses` relation, and the clusters' tags ride on attributes with the
    /// item's own distribution instead of on the event. PyMISP still loads it all.
    @Test func narrowerClustersKeepTheirOwnAudience() throws {
        var report = try Self.report()
        let germanyOnly = Marking(tlp: .amber, releasableTo: [.country(try #require(CountryCode("DE")))])
        report.malware[0].marking = germanyOnly
        report.tools[0].marking = germanyOnly
        report.actors[0].marking = germanyOnly
        let file = try MISPWriterTests.export(report, mode: .perReport)
        let checked = try Oracle.runScript("misp_check.py", ["events", file.path])
        #expect(checked.status == 0, "\(checked.errors)")
        let strict = try Oracle.runScript("misp_validate.py", [file.path])
        #expect(strict.output.contains("\"valid\": true"), "\(strict.output)")
        let event = try #require(try MISPWriterTests.events(report, mode: .perReport).first)
        let clusters = (event["Galaxy"] as? [[String: Any]] ?? []).flatMap { $0["GalaxyCluster"] as? [[String: Any]] ?? [] }
        for cluster in clusters { #expect(cluster["distribution"] as? String == "4", "\(cluster["value"] ?? "")") }
        let actor = try #require(clusters.first { $0["value"] as? String == "APT X" })
        for relation in actor["GalaxyClusterRelation"] as? [[String: Any]] ?? [] {
            #expect(relation["distribution"] as? String == "4" && relation["SharingGroup"] != nil)
        }
        let eventTags = (event["Tag"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(!eventTags.contains { $0.hasPrefix("misp-galaxy:") }, "\(eventTags)")
        let carriers = (event["Attribute"] as? [[String: Any]] ?? []).filter {
            ($0["Tag"] as? [[String: Any]] ?? []).contains { ($0["name"] as? String)?.hasPrefix("misp-galaxy:stix-2.1-") == true }
                && $0["distribution"] as? String == "4"
        }
        #expect(Set(carriers.compactMap { $0["type"] as? String }).isSuperset(of: ["malware-type", "text"]))
    }
}
