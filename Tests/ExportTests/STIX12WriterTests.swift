@testable import Export
import ExportTestSupport
import Foundation
import Testing

/// The STIX 1.2 writer against the official schemas (in-process, xmllint) and python-stix.
struct STIX12WriterTests {
    private func export(_ view: ReleasedReport, validating: Bool = true) throws -> (bytes: [UInt8], summary: ExportSummary) {
        var sink = MemorySink()
        let options = STIX12Writer.Options(schemaDirectory: validating ? try Oracle.stix12Schemas() : nil)
        let summary = try STIX12Writer().write(view, options: options, to: &sink)
        return (sink.bytes, summary)
    }

    private func write(_ bytes: [UInt8], _ name: String) throws -> URL {
        let file = try RepositoryPaths.makeTemporaryDirectory().appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file
    }

    private func view(_ report: ThreatReport, for recipient: String, redacting: Bool = false) throws -> ReleasedReport {
        try SharingPolicy(redactsWithheldNames: redacting).view(report, for: Recipient.resolve(recipient, in: report)).view
    }

    @Test func scenarioPassesXmllintWithTheEntrySchemaOverTheOfficialSchemas() throws {
        let package = try write(export(ReleasedReport(everythingIn: SampleScenario.report())).bytes, "scenario.xml")
        let entry = try write(Array(STIX12Schemas.entrySchema(directory: Oracle.stix12Schemas()).utf8), "entry.xsd")
        let result = try Oracle.runSystemTool("xmllint", ["--noout", "--nonet", "--schema", entry.path, package.path])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.errors.contains("validates"))
    }

    @Test func scenarioIsSchemaValidAndFollowsBestPracticesForSdv() throws {
        let package = try write(export(ReleasedReport(everythingIn: SampleScenario.report())).bytes, "scenario.xml")
        let result = try Oracle.runVenvTool("stix-validator", ["--best-practices", package.path])
        #expect(result.output.contains("XML Schema: True"), "\(result.output)\(result.errors)")
        #expect(result.output.contains("Best Practices: True"), "\(result.output)")
        #expect(result.status == 0)
    }

    @Test(arguments: ["IND", "JPN", "VNM", "GBR", "PHL", "australia"])
    func recipientViewsValidateForXmllintAndSdv(_ recipient: String) throws {
        let report = try SampleScenario.report()
        let package = try write(export(view(report, for: recipient)).bytes, "\(recipient).xml")
        let entry = try write(Array(STIX12Schemas.entrySchema(directory: Oracle.stix12Schemas()).utf8), "entry.xsd")
        let xmllint = try Oracle.runSystemTool("xmllint", ["--noout", "--nonet", "--schema", entry.path, package.path])
        #expect(xmllint.status == 0, "\(xmllint.errors)")
        let result = try Oracle.runVenvTool("stix-validator", ["--best-practices", package.path])
        #expect(result.output.contains("XML Schema: True"), "\(result.output)\(result.errors)")
        #expect(result.output.contains("Best Practices: True"), "\(result.output)")
    }

    @Test func pythonStixReadsPartnershipsActorsIncidentsAndColours() throws {
        let report = try SampleScenario.report()
        let package = try write(export(ReleasedReport(everythingIn: report)).bytes, "scenario.xml")
        let result = try Oracle.runScript("stix12_readback.py", [package.path])
        #expect(result.status == 0, "\(result.errors)")
        let json = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        let index = ReportIndex(report)

        let partnerships = try #require(json["partnerships"] as? [String: [String]])
        #expect(partnerships.count == report.partnerships.count)
        for partnership in report.partnerships {
            let members = partnership.members.map { index.name(of: $0.member) ?? $0.member }.sorted()
            #expect(partnerships[partnership.name] == members, "\(partnership.name)")
        }

        let actors = try #require(json["actors"] as? [String: [String: [[String]]]])
        // The scenario's spy network is a spy and no more: the article states no motive for any threat actor.
        let apparatus = try #require(actors["China's spy network"])
        #expect(apparatus["types"] == [["stixVocabs:ThreatActorTypeVocab-1.0", "Cyber Espionage Operations"]])
        #expect((apparatus["motivations"] ?? []).isEmpty)
        #expect(actors.count == report.actors.filter { $0.kind == .threatActor }.count)
        for (name, read) in actors {
            #expect((read["types"] ?? []).allSatisfy { $0.first == "stixVocabs:ThreatActorTypeVocab-1.0" }, "\(name)")
            #expect((read["motivations"] ?? []).allSatisfy { $0.first == "stixVocabs:MotivationVocab-1.1" }, "\(name)")
        }

        let incidents = try #require(json["incidents"] as? [String: [String: Any]])
        #expect(incidents.count == report.incidents.count)
        for incident in report.incidents {
            let read = try #require(incidents[incident.title], "\(incident.title)")
            let attributed = incident.attributedTo.filter { index.actors[$0.ref]?.kind == .threatActor }
            #expect(read["attributed"] as? [String] == attributed.compactMap { index.name(of: $0.ref) }.sorted())
            #expect(read["victims"] as? [String] == incident.targets.compactMap { index.name(of: $0.ref) }.sorted())
        }

        // Every object's colour, as a STIX 1 consumer reads it: its own Handling, a header marking whose
        // Controlled_Structure selects it, else the package default. The scenario's default is CLEAR → WHITE.
        let colours = try #require(json["tlp"] as? [String: String])
        func expectColour(_ type: String, _ id: String, _ marking: Marking?) {
            let uuid = StableID.uuid(producer: report.producer.id, type: type, localID: id)
            let qname = "producer:\(type)-\(uuid)"
            let expected = switch marking?.tlp ?? .clear {
            case .clear: "WHITE"
            case .green: "GREEN"
            case .amber, .amberStrict: "AMBER"
            case .red: "RED"
            }
            #expect(colours[qname] == expected, "\(type) \(id)")
        }
        for actor in report.actors {
            expectColour(actor.kind == .threatActor ? "threat-actor" : "identity", actor.id, actor.marking)
        }
        for partnership in report.partnerships { expectColour("identity", partnership.id, partnership.marking) }
        for campaign in report.campaigns { expectColour("campaign", campaign.id, campaign.marking) }
        for set in report.intrusionSets { expectColour("intrusion-set", set.id, set.marking) }
        for incident in report.incidents { expectColour("incident", incident.id, incident.marking) }
        #expect(colours.values.contains("AMBER") && colours.values.contains("WHITE"))
        #expect(json["empty_structures"] as? [String] == [], "every Controlled_Structure selects something")
        #expect(json["report_tlp"] as? String == Self.colour(report.marking ?? report.defaultMarking))
    }

    static func colour(_ marking: Marking?) -> String? {
        marking.map { STIX12Encoder.color($0.tlp) }
    }

    /// Issue 17: each component carries its own `Handling` with its label, which python-stix finds there, and
    /// each link's label is a marking whose Controlled_Structure selects the link's element; on generated
    /// reports with link markings of every kind, whole and as recipients' views.
    @Test(arguments: 0..<4)
    func pythonStixFindsEachComponentsOwnHandling(seed: Int) throws {
        var generator = ReportGenerator(seed: UInt64(100 + seed))
        let report = try generator.report(size: 10 + seed)
        let views = [ReleasedReport(everythingIn: report)]
            + (try ReportGenerator.recipients(for: report).prefix(2).map { try view(report, for: $0, redacting: true) })
        for released in views {
            let view = released.report
            let package = try write(export(released, validating: false).bytes, "generated.xml")
            let result = try Oracle.runScript("stix12_readback.py", [package.path])
            #expect(result.status == 0, "\(result.errors)")
            let json = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
            #expect(json["empty_structures"] as? [String] == [], "seed \(seed)")
            let colours = try #require(json["tlp"] as? [String: Any])
            func expectOwn(_ type: String, _ id: String, _ marking: Marking?) {
                let qname = "producer:\(type)-\(StableID.uuid(producer: view.producer.id, type: type, localID: id))"
                let expected = Self.colour(marking ?? view.defaultMarking)
                #expect(colours[qname] as? String == expected, "seed \(seed) \(released.recipient ?? "all"): \(type) \(id)")
            }
            for actor in view.actors where actor.kind == .threatActor { expectOwn("threat-actor", actor.id, actor.marking) }
            for campaign in view.campaigns { expectOwn("campaign", campaign.id, campaign.marking) }
            for set in view.intrusionSets { expectOwn("intrusion-set", set.id, set.marking) }
            for incident in view.incidents { expectOwn("incident", incident.id, incident.marking) }
        }
    }

    @Test(arguments: 0..<12)
    func generatedReportsAndTheirRecipientViewsValidateInProcess(seed: Int) throws {
        var generator = ReportGenerator(seed: UInt64(seed))
        let report = try generator.report(size: 8 + seed % 10)
        _ = try export(ReleasedReport(everythingIn: report))  // throws with libxml2's findings when invalid
        for recipient in ReportGenerator.recipients(for: report) {
            _ = try export(view(report, for: recipient, redacting: true))
        }
    }

    @Test func markingsNeverWidenAndNameAlpha3Countries() throws {
        let report = try HandBuiltReports.everything()
        let text = String(decoding: try export(ReleasedReport(everythingIn: report)).bytes, as: UTF8.self)
        // everything(): MSS is AMBER+STRICT, releasable to five-eyes and IND.
        #expect(text.contains("color=\"AMBER\""))
        #expect(text.contains("<simpleMarking:Statement>TLP:AMBER+STRICT</simpleMarking:Statement>"))
        let rels = text.split(separator: "\n").filter { $0.contains("REL TO") && $0.contains("IND") }
        #expect(!rels.isEmpty && rels.allSatisfy { !$0.contains("five-eyes") })
        #expect(rels.contains { $0.contains("USA") && $0.contains("GBR") })
        #expect(!text.contains("CLEAR") && !text.contains("color=\"clear\""))
    }

    @Test func clearBecomesWhite() throws {
        var report = try HandBuiltReports.minimal()
        report.defaultMarking = Marking(tlp: .clear)
        let text = String(decoding: try export(ReleasedReport(everythingIn: report)).bytes, as: UTF8.self)
        #expect(text.contains("color=\"WHITE\""))
    }

    @Test func idsAreQNamesOverTheSharedUUID() throws {
        let report = try HandBuiltReports.everything()
        let text = String(decoding: try export(ReleasedReport(everythingIn: report)).bytes, as: UTF8.self)
        #expect(text.contains("xmlns:producer=\"urn:exportctl:producer:cert.example.gov\""))
        let uuid = StableID.uuid(producer: "cert.example.gov", type: "threat-actor", localID: "china-mss")
        #expect(text.contains("id=\"producer:threat-actor-\(uuid)\""))
    }

    @Test func everyObjectHasTheUUIDItHasInTheSTIX21Bundle() throws {
        let view = ReleasedReport(everythingIn: try SampleScenario.report())
        var bundle: any ByteSink = MemorySink()
        let stix21 = try #require(FormatRegistry.named("stix21")?.writer)
        _ = try stix21.write(view, options: .default, to: &bundle)
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data((bundle as? MemorySink)?.bytes ?? [])) as? [String: Any])
        let types: Set<String> = ["threat-actor", "identity", "intrusion-set", "campaign", "incident", "report"]
        let ids = (json["objects"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            .filter { id in types.contains { id.hasPrefix($0 + "--") } }
            .filter { $0 != STIXExtensionDefinition.creatorID }  // exportctl itself, the extensions' author
        #expect(ids.count >= view.report.objectCount)
        let text = String(decoding: try export(view).bytes, as: UTF8.self)
        for id in ids {
            let qname = "producer:" + id.replacingOccurrences(of: "--", with: "-")
            #expect(text.contains("id=\"\(qname)\""), "\(id)")
        }
    }

    @Test func twoExportsAreByteIdentical() throws {
        let view = ReleasedReport(everythingIn: try HandBuiltReports.everything())
        #expect(try export(view).bytes == export(view).bytes)
        #expect(try export(view).bytes == export(view, validating: false).bytes)
    }

    @Test func schemaDirectoryWithSpacesHashesAndPercentSignsStillCompiles() throws {
        let parent = try RepositoryPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: parent) }
        let odd = parent.appendingPathComponent("stix 1.2 #a%20b ü")
        try FileManager.default.createSymbolicLink(atPath: odd.path, withDestinationPath: try Oracle.stix12Schemas())
        var sink = MemorySink()
        let view = ReleasedReport(everythingIn: try SampleScenario.report())
        _ = try STIX12Writer().write(view, options: .init(schemaDirectory: odd.path), to: &sink)
        #expect(!sink.bytes.isEmpty)
        #expect(STIX12Schemas.uriPath("/a b/c#d%e") == "/a%20b/c%23d%25e")
    }

    @Test func missingSchemasAreRefusedBeforeAnyByteIsWritten() throws {
        let directory = try RepositoryPaths.makeTemporaryDirectory()
        var sink = MemorySink()
        #expect(throws: ExportError.self) {
            _ = try STIX12Writer().write(
                ReleasedReport(everythingIn: try HandBuiltReports.minimal()), options: .init(schemaDirectory: directory.path),
                to: &sink)
        }
        #expect(sink.bytes.isEmpty)
    }

    /// A link's label differs from its component's: it is a marking of its own over the link's element, and a
    /// victim is named in place, where a STIX 1 importer reads it.
    @Test func aLinkLabelIsAMarkingOverTheLinksElement() throws {
        var report = try HandBuiltReports.everything()
        let incident = try #require(report.incidents.indices.first { !report.incidents[$0].targets.isEmpty })
        report.incidents[incident].marking = Marking(tlp: .amber)
        report.incidents[incident].targets[0].marking = Marking(tlp: .red)
        let text = String(decoding: try export(ReleasedReport(everythingIn: report)).bytes, as: UTF8.self)
        let structure = "../../../incident:Victim[1]/descendant-or-self::node()"
        let marking = try #require(text.components(separatedBy: "<marking:Marking>").first { $0.contains(structure) })
        #expect(marking.contains("color=\"RED\""), "\(marking)")
        #expect(!text.contains("<incident:Victim idref"))
    }
}
