import Export
import ExportTestSupport
import Testing

/// Issue 15's reproductions on imported content: objects appended to an export, markings exportctl does not
/// understand, granular markings, a foreign report and repeated ids. Each is checked in every format's bytes.
struct SharingImportedContentTests {
    static let tlpRed = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1"
    static let tlpClear = "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487"
    static let statement = "marking-definition--1d0f1a5c-0000-4000-8000-000000000001"

    /// The sample exported whole as STIX 2.1, with `extra` objects appended, read back as a report.
    static func sampleWith(_ extra: [JSONValue], file: String = "appended.json") throws -> ThreatReport {
        let result = STIX21Reader.read(try bundleBytes(extra), file: file)
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        return try #require(result.report)
    }

    static func bundleBytes(_ extra: [JSONValue]) throws -> [UInt8] {
        var sink = MemorySink()
        _ = try STIX21Writer().write(ReleasedReport(everythingIn: try SampleScenario.report()), options: .default, to: &sink)
        let parsed = try LocatedJSONReader.read(sink.bytes).value
        guard case .object(var bundle) = parsed, case .array(let objects)? = bundle["objects"] else {
            throw ExportError(.invalidInput, "not a bundle")
        }
        bundle["objects"] = .array(objects + extra)
        return CanonicalJSON.bytes(.object(bundle))
    }

    static func sampleID(_ type: String, _ localID: String) -> String {
        StableID.stixID(producer: "desk.indo-pacific.example", type: type, localID: localID)
    }

    static func object(_ type: String, _ id: String, _ fields: [String: JSONValue]) -> JSONValue {
        var members: [String: JSONValue] = [
            "type": .string(type), "spec_version": "2.1", "id": .string(id),
            "created": "2023-11-01T00:00:00.000Z", "modified": "2023-11-01T00:00:00.000Z",
        ]
        for (key, value) in fields { members[key] = value }
        return .object(members)
    }

    /// Every format's bytes of the recipient's view.
    static func outputs(_ report: ThreatReport, for recipient: String, policy: SharingPolicy = SharingPolicy())
        throws -> [String: String]
    {
        let view = try policy.view(report, for: try Recipient.resolve(recipient, in: report)).view
        var outputs: [String: String] = [:]
        for format in FormatRegistry.writable {
            var sink: any ByteSink = MemorySink()
            var settings = FormatOptions.default
            settings.validatesOutput = false
            _ = try format.writer!.write(view, options: settings, to: &sink)
            outputs[format.name] = (sink as? MemorySink)?.string ?? ""
        }
        return outputs
    }

    static func expectAbsent(_ tokens: [String], in outputs: [String: String], _ context: String) {
        #expect(outputs.count == FormatRegistry.writable.count)
        for (format, bytes) in outputs {
            for token in tokens { #expect(!bytes.contains(token), "\(context): '\(token)' leaks in \(format)") }
        }
    }

    @Test func importedRedObjectsAreWithheldAndPlanned() throws {
        let malware = "malware--2b7f8a5e-0000-4000-8000-00000000000a"
        let indicator = "indicator--2b7f8a5e-0000-4000-8000-00000000000b"
        let red: JSONValue = .array([.string(Self.tlpRed)])
        let report = try Self.sampleWith([
            Self.object("malware", malware, [
                "name": "TOKENREDMALWARE", "is_family": .bool(true), "object_marking_refs": red]),
            Self.object("indicator", indicator, [
                "name": "TOKENREDINDICATOR", "pattern": "[ipv4-addr:value = '203.0.113.5']", "pattern_type": "stix",
                "valid_from": "2023-11-01T00:00:00Z", "object_marking_refs": red]),
            Self.object("relationship", "relationship--2b7f8a5e-0000-4000-8000-00000000000c", [
                "relationship_type": "uses", "source_ref": .string(Self.sampleID("threat-actor", "china-intelligence-apparatus")),
                "target_ref": .string(malware), "description": "TOKENREDUSES",
                "object_marking_refs": .array([.string(Self.tlpClear)])]),
            Self.object("note", "note--2b7f8a5e-0000-4000-8000-00000000000d", [
                "content": "TOKENREDNOTE", "object_refs": .array([.string(indicator)]), "object_marking_refs": red]),
            Self.object("note", "note--2b7f8a5e-0000-4000-8000-00000000000e", [
                "content": "TOKENCLEARNOTE", "object_refs": .array([.string(Self.sampleID("identity", "vietnam"))]),
                "object_marking_refs": .array([.string(Self.tlpClear)])]),
        ])
        let outputs = try Self.outputs(report, for: "VNM")
        Self.expectAbsent(["TOKENRED", malware, indicator], in: outputs, "RED imported objects for VNM")
        #expect(outputs["stix21"]?.contains("TOKENCLEARNOTE") == true, "a CLEAR note about a released object goes")
        let plan = SharingPolicy().plan(report, for: try Recipient.resolve("VNM", in: report))
        let withheld = Set(plan.withheld.map(\.id))
        #expect(withheld.isSuperset(of: [malware, indicator]))
        let uses = try #require(plan.withheld.first { $0.id == "relationship--2b7f8a5e-0000-4000-8000-00000000000c" })
        #expect(uses.rule.contains(malware), "the CLEAR 'uses' goes nowhere without its RED target: \(uses.rule)")
    }

    @Test func aMarkingExportctlDoesNotUnderstandReleasesNothing() throws {
        let malware = "malware--3b7f8a5e-0000-4000-8000-00000000000a"
        let report = try Self.sampleWith([
            Self.object("marking-definition", Self.statement, [
                "name": "NOFORN", "definition_type": "statement", "definition": .object(["statement": "NOFORN - US only"])]),
            Self.object("malware", malware, [
                "name": "TOKENNOFORN", "is_family": .bool(true), "object_marking_refs": .array([.string(Self.statement)])]),
        ])
        for recipient in ["VNM", "USA", "GBR"] {
            Self.expectAbsent(["TOKENNOFORN", "NOFORN"], in: try Self.outputs(report, for: recipient), "statement marking for \(recipient)")
        }
        let plan = SharingPolicy().plan(report, for: try Recipient.resolve("USA", in: report))
        let decision = try #require(plan.decisions.first { $0.id == malware })
        #expect(!decision.isReleased)
        #expect(decision.rule.contains("does not understand") && decision.rule.contains(Self.statement), "\(decision.rule)")
    }

    @Test func aMarkingTheInputLacksReleasesNothing() throws {
        let report = try Self.sampleWith([
            Self.object("malware", "malware--4b7f8a5e-0000-4000-8000-00000000000a", [
                "name": "TOKENMISSINGDEF", "is_family": .bool(true),
                "object_marking_refs": .array(["marking-definition--4b7f8a5e-0000-4000-8000-0000000000ff"])]),
        ])
        Self.expectAbsent(["TOKENMISSINGDEF"], in: try Self.outputs(report, for: "VNM"), "missing definition")
    }

    @Test func granularMarkingsWithholdTheirProperties() throws {
        let indicator = "indicator--5b7f8a5e-0000-4000-8000-00000000000a"
        let report = try Self.sampleWith([
            Self.object("indicator", indicator, [
                "name": "visible indicator", "description": "TOKENGRANULAR", "pattern": "[ipv4-addr:value = '198.51.100.7']",
                "pattern_type": "stix", "valid_from": "2023-11-01T00:00:00Z",
                "object_marking_refs": .array([.string(Self.tlpClear)]),
                "granular_markings": .array([.object(["marking_ref": .string(Self.tlpRed), "selectors": .array(["description"])])])]),
            Self.object("indicator", "indicator--5b7f8a5e-0000-4000-8000-00000000000b", [
                "name": "TOKENGRANULARNAME", "pattern": "[ipv4-addr:value = '198.51.100.8']",
                "pattern_type": "stix", "valid_from": "2023-11-01T00:00:00Z",
                "object_marking_refs": .array([.string(Self.tlpClear)]),
                "granular_markings": .array([.object(["marking_ref": .string(Self.tlpRed), "selectors": .array(["name"])])])]),
        ])
        let outputs = try Self.outputs(report, for: "VNM")
        Self.expectAbsent(["TOKENGRANULAR"], in: outputs, "granular RED")
        #expect(outputs["stix21"]?.contains("visible indicator") == true, "the rest of the indicator goes")
        #expect(outputs["stix21"]?.contains(Self.tlpRed) == false, "no RED definition ships with nothing RED in it")
    }

    @Test func aForeignReportListsOnlyWhatTheRecipientReceives() throws {
        let malware = "malware--6b7f8a5e-0000-4000-8000-00000000000a"
        let reportID = "report--6b7f8a5e-0000-4000-8000-00000000000b"
        let foreign: [JSONValue] = [
            Self.object("identity", "identity--6b7f8a5e-0000-4000-8000-00000000000c", [
                "name": "Partner CERT", "identity_class": "organization", "object_marking_refs": .array([.string(Self.tlpClear)])]),
            Self.object("threat-actor", "threat-actor--6b7f8a5e-0000-4000-8000-00000000000d", [
                "name": "Visible Actor", "object_marking_refs": .array([.string(Self.tlpClear)])]),
            Self.object("malware", malware, [
                "name": "TOKENFOREIGNRED", "is_family": .bool(true), "object_marking_refs": .array([.string(Self.tlpRed)])]),
            Self.object("report", reportID, [
                "name": "TOKENFOREIGNTITLE", "published": "2023-11-01T00:00:00Z", "description": "TOKENFOREIGNDESC",
                "object_refs": .array([.string(malware), "threat-actor--6b7f8a5e-0000-4000-8000-00000000000d"]),
                "object_marking_refs": .array([.string(Self.tlpRed)])]),
        ]
        let bundle: JSONValue = .object(["type": "bundle", "id": "bundle--6b7f8a5e-0000-4000-8000-00000000000f", "objects": .array(foreign)])
        let result = STIX21Reader.read(CanonicalJSON.bytes(bundle), file: "foreign.json")
        let report = try #require(result.report, "\(result.diagnostics)")
        let policy = SharingPolicy(defaultMarking: Marking(tlp: .clear))
        let outputs = try Self.outputs(report, for: "VNM", policy: policy)
        Self.expectAbsent(["TOKENFOREIGN", malware], in: outputs, "foreign RED report")
        #expect(outputs["stix21"]?.contains("Visible Actor") == true)
        #expect(outputs["stix21"]?.contains("Report from") == true, "a neutral title in place of the RED narrative")
    }

    @Test func repeatedLocalIDsAreAnErrorAtTheirLine() throws {
        let ours = "extension-definition--2666f06c-092a-4e41-8f8b-12e2db73ea52"  // exportctl-object
        func actor(_ uuid: String, _ name: String, _ marking: String) -> JSONValue {
            Self.object("threat-actor", "threat-actor--\(uuid)", [
                "name": .string(name), "object_marking_refs": .array([.string(marking)]),
                "extensions": .object([ours: .object(["extension_type": "property-extension", "local_id": "twin"])])])
        }
        let bytes = try Self.bundleBytes([
            actor("7b7f8a5e-0000-4000-8000-00000000000a", "Twin one", Self.tlpClear),
            actor("7b7f8a5e-0000-4000-8000-00000000000b", "TOKENTWIN", Self.tlpRed),
        ])
        let result = STIX21Reader.read(bytes, file: "twins.json")
        #expect(result.report == nil)
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(error.rendered.hasPrefix("twins.json:") && error.message.contains("local id 'twin'"), "\(error.rendered)")
    }

    @Test func repeatedIDsInAModelReleaseNone() throws {
        var report = try SampleScenario.report()
        report.actors.append(Actor(id: "usa", name: "TOKENTWINACTOR", kind: .threatActor, marking: Marking(tlp: .red)))
        let plan = SharingPolicy().plan(report, for: try Recipient.resolve("IND", in: report))
        #expect(plan.decisions.filter { $0.id == "usa" }.allSatisfy { !$0.isReleased })
        Self.expectAbsent(["TOKENTWINACTOR"], in: try Self.outputs(report, for: "IND", policy: SharingPolicy(redactsWithheldNames: true)), "twin ids")
    }

    @Test func importedStringsAreScannedAndRedacted() throws {
        let malware = "malware--8b7f8a5e-0000-4000-8000-00000000000a"
        let clear: JSONValue = .array([.string(Self.tlpClear)])
        let report = try Self.sampleWith([
            Self.object("malware", malware, [
                "name": "Crimson Otter", "is_family": .bool(true), "object_marking_refs": .array([.string(Self.tlpRed)])]),
            Self.object("note", "note--8b7f8a5e-0000-4000-8000-00000000000b", [
                "content": "Seen with crimson otter tooling", "object_refs": .array([.string(Self.sampleID("identity", "vietnam"))]),
                "external_references": .array([.object([
                    "source_name": "blog", "url": "https://news.example/crimson-otter-exposed"])]),
                "object_marking_refs": clear]),
        ])
        let vietnam = try Recipient.resolve("VNM", in: report)
        #expect(throws: ExportError.self) { _ = try SharingPolicy().view(report, for: vietnam) }
        let plan = SharingPolicy().plan(report, for: vietnam)
        #expect(plan.textHits.count == 2, "the note's content and its URL: \(plan.textHits.map(\.message))")
        let outputs = try Self.outputs(report, for: "VNM", policy: SharingPolicy(redactsWithheldNames: true))
        Self.expectAbsent(["rimson", "otter-exposed"], in: outputs, "redacted imported strings")
        #expect(outputs["stix21"]?.contains("Seen with [withheld] tooling") == true)
    }

    @Test func importedContentAloneIsNotNothing() throws {
        let bundle: JSONValue = .object(["type": "bundle", "id": "bundle--9b7f8a5e-0000-4000-8000-00000000000f", "objects": .array([
            Self.object("malware", "malware--9b7f8a5e-0000-4000-8000-00000000000a", [
                "name": "Public malware", "is_family": .bool(true), "object_marking_refs": .array([.string(Self.tlpClear)])]),
        ])])
        let report = try #require(STIX21Reader.read(CanonicalJSON.bytes(bundle), file: "only.json").report)
        let (view, warnings) = try SharingPolicy().view(report, for: try Recipient.resolve("VNM", in: report))
        #expect(view.report.malware.count == 1, "a malware that fits the model is a model object (issue 22)")
        #expect(warnings.isEmpty, "\(warnings)")
    }

    /// A review's findings on imported content, each reproduced: a RED link listed by the imported report, a
    /// granular marking on the report's own name, references in shapes other than a list of strings, and our
    /// releasability extension riding on a statement marking.
    @Test func reviewFindingsOnImportedContent() throws {
        let ours = "extension-definition--2666f06c-092a-4e41-8f8b-12e2db73ea52"
        let forged = "marking-definition--ab7f8a5e-0000-4000-8000-0000000000f0"
        let actor = "threat-actor--ab7f8a5e-0000-4000-8000-00000000000a"
        let set = "intrusion-set--ab7f8a5e-0000-4000-8000-00000000000b"
        let link = "relationship--ab7f8a5e-0000-4000-8000-00000000000c"
        let malware = "malware--ab7f8a5e-0000-4000-8000-00000000000d"
        let clear: JSONValue = .array([.string(Self.tlpClear)])
        let objects: [JSONValue] = [
            Self.object("threat-actor", actor, ["name": "Visible Actor", "object_marking_refs": clear]),
            Self.object("intrusion-set", set, ["name": "Visible Set", "object_marking_refs": clear]),
            Self.object("relationship", link, [
                "relationship_type": "attributed-to", "source_ref": .string(set), "target_ref": .string(actor),
                "object_marking_refs": .array([.string(Self.tlpRed)])]),
            Self.object("malware", malware, [
                "name": "Hidden Malware", "is_family": .bool(true), "object_marking_refs": .array([.string(Self.tlpRed)])]),
            Self.object("note", "note--ab7f8a5e-0000-4000-8000-00000000000e", [
                "content": "TOKENSTRINGREFS", "x_refs": .string(malware), "object_refs": .array([.string(actor)]), "object_marking_refs": clear]),
            Self.object("marking-definition", forged, [
                "definition_type": "statement", "definition": .object(["statement": "US ONLY"]),
                "extensions": .object([ours: .object(["extension_type": "property-extension", "releasable_to": .array(["VNM"])])])]),
            Self.object("malware", "malware--ab7f8a5e-0000-4000-8000-00000000000f", [
                "name": "TOKENFORGED", "is_family": .bool(true), "object_marking_refs": .array([.string(Self.tlpClear), .string(forged)])]),
            Self.object("report", "report--ab7f8a5e-0000-4000-8000-000000000010", [
                "name": "TOKENGRANULARTITLE", "description": "TOKENGRANULARDESC", "published": "2023-11-01T00:00:00Z",
                "object_refs": .array([.string(actor), .string(set), .string(link)]), "object_marking_refs": clear,
                "granular_markings": .array([.object(["marking_ref": .string(Self.tlpRed), "selectors": .array(["name", "description"])])])]),
        ]
        let bundle: JSONValue = .object(["type": "bundle", "id": "bundle--ab7f8a5e-0000-4000-8000-0000000000ff", "objects": .array(objects)])
        let result = STIX21Reader.read(CanonicalJSON.bytes(bundle), file: "review.json")
        let report = try #require(result.report, "\(result.diagnostics)")
        let outputs = try Self.outputs(report, for: "VNM", policy: SharingPolicy(defaultMarking: Marking(tlp: .clear)))
        Self.expectAbsent([link, "TOKENSTRINGREFS", "TOKENFORGED", "TOKENGRANULAR", malware], in: outputs, "review findings")
        #expect(outputs["stix21"]?.contains("Visible Set") == true)
    }

    /// An outsider's attack: references nested in lists of lists, in objects under a reference key, or under an
    /// upper-case key still count, so the note that carries them goes nowhere the referenced object does not.
    @Test func referencesInAnyShapeUnderAReferenceKeyCount() throws {
        let withheld = Self.sampleID("threat-actor", "china-cyber-operators")
        let campaign = Self.sampleID("campaign", "china-regional-espionage")
        let shapes: [(String, JSONValue)] = [
            ("x_a_refs", .array([.array([.string(withheld)])])), ("x_a_ref", .object(["id": .string(withheld)])),
            ("X_A_REF", .string(withheld)),
        ]
        var notes: [JSONValue] = []
        for (index, (key, value)) in shapes.enumerated() {
            notes.append(Self.object("note", "note--cb7f8a5e-0000-4000-8000-00000000000\(index)", [
                "content": .string("TOKENSHAPE\(index)"), "object_refs": .array([.string(campaign)]), key: value,
                "object_marking_refs": .array([.string(Self.tlpClear)])]))
        }
        let outputs = try Self.outputs(try Self.sampleWith(notes), for: "VNM")
        Self.expectAbsent(["TOKENSHAPE", withheld], in: outputs, "references in odd shapes")
    }

    /// An outsider's attack: a withheld object's id in prose, in a property that is not a reference, or as a
    /// dictionary key; a withheld name in a key or in a value the scan once took as structure. Each is a finding,
    /// and `--redact` leaves none of them in any format.
    @Test func withheldIDsAndNamesOutsideReferencesAreFound() throws {
        let malware = "malware--db7f8a5e-0000-4000-8000-00000000000a"
        let uuid = String(malware.dropFirst("malware--".count))
        let clear: JSONValue = .array([.string(Self.tlpClear)])
        let notes: [JSONValue] = [
            Self.object("malware", malware, [
                "name": "Crimson Otter", "is_family": .bool(true), "object_marking_refs": .array([.string(Self.tlpRed)])]),
            Self.object("note", "note--db7f8a5e-0000-4000-8000-000000000001", [
                "content": .string("Compare with \(malware) and \(uuid.uppercased())."),
                "object_refs": .array([.string(Self.sampleID("identity", "vietnam"))]), "object_marking_refs": clear]),
            Self.object("note", "note--db7f8a5e-0000-4000-8000-000000000002", [
                "content": "Nothing to see", "x_related": .string(malware),
                "x_table": .object([malware: "seen", "x_crimson_otter_notes": "yes", "plain": "Ｃｒｉｍｓｏｎ Ｏｔｔｅｒ"]),
                "object_refs": .array([.string(Self.sampleID("identity", "vietnam"))]), "object_marking_refs": clear]),
            Self.object("indicator", "indicator--db7f8a5e-0000-4000-8000-000000000003", [
                "pattern": "[file:name = 'x.exe']", "pattern_type": "crimson-otter-rules", "valid_from": "2023-11-01T00:00:00Z",
                "lang": "crimson-otter", "object_marking_refs": clear]),
        ]
        let report = try Self.sampleWith(notes)
        let vietnam = try Recipient.resolve("VNM", in: report)
        let hits = SharingPolicy().plan(report, for: vietnam).textHits.map(\.message)
        #expect(hits.count >= 7, "\(hits)")
        #expect(throws: ExportError.self) { _ = try SharingPolicy().view(report, for: vietnam) }
        let outputs = try Self.outputs(report, for: "VNM", policy: SharingPolicy(redactsWithheldNames: true))
        Self.expectAbsent([uuid, uuid.uppercased(), "rimson", "ｒｉｍｓｏｎ"], in: outputs, "ids and names outside references")
        #expect(outputs["stix21"]?.contains("Nothing to see") == true)
    }

    /// An outsider's attack: a copy of one of our evidence notes, re-marked TLP:RED, was folded into a CLEAR
    /// object's evidence and left as CLEAR; and `id` or `created` nested in a custom property were skipped by the
    /// scan as if they were the object's own.
    @Test func aReMarkedEvidenceNoteAndNestedStructuralKeysAreDecidedAndScanned() throws {
        let bundle = try LocatedJSONReader.read(try Self.bundleBytes([])).value
        let notes = (bundle["objects"]?.arrayValue ?? []).filter { $0["type"] == "note" && $0["abstract"] == "Evidence" }
        guard case .object(var copy)? = notes.first else { throw ExportError(.invalidInput, "no evidence note in the sample") }
        copy["id"] = "note--eb7f8a5e-0000-4000-8000-000000000001"
        copy["content"] = "TOKENREDEVIDENCE"
        copy["object_marking_refs"] = .array([.string(Self.tlpRed)])
        let malware = "malware--eb7f8a5e-0000-4000-8000-00000000000a"
        let report = try Self.sampleWith([
            .object(copy),
            Self.object("malware", malware, [
                "name": "Zephyr Quokka", "is_family": .bool(true), "object_marking_refs": .array([.string(Self.tlpRed)])]),
            Self.object("note", "note--eb7f8a5e-0000-4000-8000-000000000002", [
                "content": "Nothing here", "x_data": .object(["id": .string(malware), "created": "Zephyr Quokka"]),
                "object_refs": .array([.string(Self.sampleID("identity", "vietnam"))]),
                "object_marking_refs": .array([.string(Self.tlpClear)])]),
        ])
        let vietnam = try Recipient.resolve("VNM", in: report)
        #expect(SharingPolicy().plan(report, for: vietnam).textHits.count >= 2)
        let outputs = try Self.outputs(report, for: "VNM", policy: SharingPolicy(redactsWithheldNames: true))
        Self.expectAbsent(["TOKENREDEVIDENCE", "Zephyr", String(malware.dropFirst(9))], in: outputs, "re-marked note, nested keys")
    }

    /// An outsider's attack: a withheld object's UUID reused in a released object's id or local id, and a
    /// withheld name as a released object's local id. An id cannot be redacted, so the export fails, with or
    /// without `--redact`.
    @Test func aWithheldNameOrUUIDInAnIDFailsTheExport() throws {
        let ours = "extension-definition--2666f06c-092a-4e41-8f8b-12e2db73ea52"
        let uuid = "fb7f8a5e-0000-4000-8000-00000000000a"
        let withheld = Self.object("threat-actor", "threat-actor--\(uuid)", [
            "name": "Zephyr Quokka", "object_marking_refs": .array([.string(Self.tlpRed)])])
        func clearActor(_ suffix: String, localID: String) -> JSONValue {
            Self.object("threat-actor", "threat-actor--fb7f8a5e-0000-4000-8000-0000000000\(suffix)", [
                "name": .string("Open Osprey \(suffix)"), "object_marking_refs": .array([.string(Self.tlpClear)]),
                "extensions": .object([ours: .object(["extension_type": "property-extension", "local_id": .string(localID)])])])
        }
        let cases: [(String, JSONValue)] = [
            ("a released note with the withheld UUID", Self.object("note", "note--\(uuid)", [
                "content": "x", "object_refs": .array([.string(Self.sampleID("identity", "vietnam"))]),
                "object_marking_refs": .array([.string(Self.tlpClear)])])),
            ("a local id that is the withheld UUID", clearActor("b1", localID: uuid)),
            ("a local id that is the withheld name", clearActor("b2", localID: "zephyr-quokka")),
        ]
        for (name, extra) in cases {
            let report = try Self.sampleWith([withheld, extra])
            let vietnam = try Recipient.resolve("VNM", in: report)
            for redacting in [false, true] {
                #expect(throws: ExportError.self, "\(name), redacting \(redacting)") {
                    _ = try SharingPolicy(redactsWithheldNames: redacting).view(report, for: vietnam)
                }
            }
        }
    }
}
