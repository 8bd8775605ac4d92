import Export
import ExportTestSupport
import Foundation
import Testing

/// README's "Imported content", "Markings exportctl does not understand" and "Granular markings" against the
/// oracle: a generated report's STIX 2.1 export with content appended under every kind of marking, read back.
extension SharingOracleTests {
    static let importedCaseCount = 200
    static let importedTypes: Set<String> = ["malware", "relationship", "note", "indicator", "domain-name"]

    struct ImportedCase {
        var sharingCase: SharingCase
        var report: ThreatReport
        var appended: [JSONValue]
        var tokens: [String: [String]]
        var oracleInput: JSONValue
    }

    @Test func importedContentAgreesWithTheOracle() throws {
        var generator = SharingCaseGenerator(seed: 1515)
        var importer = SharingImportGenerator(seed: 1515)
        var cases: [ImportedCase] = []
        for _ in 0..<Self.importedCaseCount {
            cases.append(try Self.importedCase(generator.next(), &importer))
        }
        let answers = try Self.oracleAnswers(cases.map(\.oracleInput))
        try #require(answers.count == cases.count)
        for (index, importedCase) in cases.enumerated() {
            try checkImported(importedCase, against: answers[index],
                              context: "imported case \(index) for \(importedCase.sharingCase.recipient)")
        }
    }

    static func importedCase(_ sharingCase: SharingCase, _ importer: inout SharingImportGenerator) throws -> ImportedCase {
        let read = AuthoringReader.read(CanonicalJSON.bytes(sharingCase.authoring), file: "case.json")
        let original = try #require(read.report)
        var sink = MemorySink()
        _ = try STIX21Writer().write(ReleasedReport(everythingIn: original), options: .default, to: &sink)
        guard case .object(var bundle) = try LocatedJSONReader.read(sink.bytes).value,
              case .array(let objects)? = bundle["objects"] else { throw ExportError(.invalidInput, "not a bundle") }
        var modelIDs: [String: String] = [:]
        var threatActors: [String] = []
        for object in objects {
            let extensions = object["extensions"]?.objectValue?.values.compactMap(\.objectValue) ?? []
            guard let id = object["id"]?.stringValue, extensions.allSatisfy({ $0["producer"] == nil }),
                  let local = extensions.compactMap({ $0["local_id"]?.stringValue }).first else { continue }
            modelIDs[id] = local
            if object["type"]?.stringValue == "threat-actor" { threatActors.append(id) }
        }
        let (appended, tokens) = importer.objects(modelIDs: modelIDs, threatActors: threatActors.sorted())
        bundle["objects"] = .array(objects + appended)
        let result = STIX21Reader.read(CanonicalJSON.bytes(.object(bundle)), file: "appended.json")
        let report = try #require(result.report, "\(result.diagnostics.map(\.message))")
        let input = JSONValue.object([
            "report": sharingCase.authoring, "recipient": .string(sharingCase.recipient),
            "imported": .object(["objects": .array(appended), "model_ids": .object(modelIDs.mapValues(JSONValue.string))]),
        ])
        return ImportedCase(sharingCase: sharingCase, report: report, appended: appended, tokens: tokens, oracleInput: input)
    }

    /// Appended objects under TLP:CLEAR (1.0 WHITE or 2.0 CLEAR) whose ACS lists have no entry in common, and
    /// everything that refers to them: where README and Swift part (see `checkImported`).
    static func clearWithDisjointLists(_ appended: [JSONValue]) -> Set<String> {
        let clear: Set<String> = [SharingImportGenerator.tlp1["white"] ?? "", SharingImportGenerator.tlp2["clear"] ?? ""]
        var lists: [String: Set<String>] = [:]
        for object in appended where object["type"]?.stringValue == "marking-definition" {
            let controls = object["extensions"]?.objectValue?.values.compactMap { $0["control_set"] }.first
            if let nationalities = controls?["permitted_nationalities"]?.arrayValue, let id = object["id"]?.stringValue {
                lists[id] = Set(nationalities.compactMap(\.stringValue))
            }
        }
        var disputed: Set<String> = []
        var references: [String: [String]] = [:]
        for object in appended {
            guard let id = object["id"]?.stringValue else { continue }
            let refs = object["object_marking_refs"]?.arrayValue?.compactMap(\.stringValue) ?? []
            let tlps = refs.filter { lists[$0] == nil }
            let common = refs.compactMap { lists[$0] }.reduce(nil as Set<String>?) { $0?.intersection($1) ?? $1 }
            if !tlps.isEmpty, tlps.allSatisfy(clear.contains), common?.isEmpty == true { disputed.insert(id) }
            references[id] = (["source_ref", "target_ref"].compactMap { object[$0]?.stringValue })
                + (object["object_refs"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        }
        for _ in 0..<3 {
            for (id, refs) in references where refs.contains(where: disputed.contains) { disputed.insert(id) }
        }
        return disputed
    }

    func checkImported(_ importedCase: ImportedCase, against answer: [String: Any], context: String) throws {
        let report = importedCase.report
        let imported = answer["imported"] as? [String: Any] ?? [:]
        let expected = Set(imported["released"] as? [String] ?? [])
        let withheldProperties = imported["withheld_properties"] as? [String: [String]] ?? [:]
        let modelReleased = Set(answer["released"] as? [String] ?? [])
        let recipient = try Recipient.resolve(importedCase.sharingCase.recipient, in: report)
        let view = try SharingPolicy(redactsWithheldNames: true).view(report, for: recipient).view
        #expect(Self.releasedItems(of: view.report, original: report) == modelReleased, "\(context): the model's items")
        var released: [String: [String: JSONValue]] = [:]
        // Imported indicators, observables, malware and tools become model objects that keep their JSON, and
        // their relationships links that keep theirs: the recipient receives them as it would verbatim objects.
        var detection: [JSONValue?] = []
        for indicator in view.report.indicators {
            detection += [indicator.imported] + (indicator.indicates + indicator.basedOn).map(\.imported)
        }
        for observable in view.report.observables { detection += [observable.imported] + observable.involvedIn.map(\.imported) }
        for malware in view.report.malware { detection += [malware.imported] + malware.usedBy.map(\.imported) }
        for tool in view.report.tools { detection += [tool.imported] + tool.usedBy.map(\.imported) }
        for object in view.report.verbatimObjects + detection.compactMap({ $0 }) {
            guard let fields = object.objectValue, let id = fields["id"]?.stringValue,
                  Self.importedTypes.contains(fields["type"]?.stringValue ?? "") else { continue }
            released[id] = fields
        }
        let disputed = Self.clearWithDisjointLists(importedCase.appended)
        let agreed = Set(released.keys).subtracting(disputed), agreedExpected = expected.subtracting(disputed)
        #expect(agreed == agreedExpected,
                "\(context): Swift \(agreed.subtracting(agreedExpected)) oracle \(agreedExpected.subtracting(agreed))")
        // TLP:CLEAR under ACS lists (common entries, or none in common) once read as public; the README now says a
        // list always restricts and disjoint lists release to nobody, and both sides follow it. Checked on its own
        // so that a regression names the case.
        let swiftDisputed = Set(released.keys).intersection(disputed), oracleDisputed = expected.intersection(disputed)
        #expect(swiftDisputed == oracleDisputed, "\(context): CLEAR with ACS lists: Swift \(swiftDisputed.sorted()) oracle \(oracleDisputed.sorted())")
        // Released objects go verbatim, less the properties a granular marking withholds (and those markings).
        for original in importedCase.appended {
            guard let fields = original.objectValue, let id = fields["id"]?.stringValue, let copy = released[id] else { continue }
            let dropped = Set(withheldProperties[id] ?? [])
            for (key, value) in fields where key != "granular_markings" {
                #expect(copy[key] == (dropped.contains(key) ? nil : value), "\(context): \(id).\(key) is \(String(describing: copy[key]))")
            }
        }
        var withheld: [Substring: String] = [:]
        for (item, tokens) in importedCase.sharingCase.tokens where !modelReleased.contains(item) {
            for token in tokens { withheld[Self.serials(in: token).first ?? ""] = item }
        }
        for (item, tokens) in importedCase.tokens {
            let id = String(item.split(separator: "#").first ?? "")
            let isWithheld = !expected.contains(id) || (item.hasSuffix("#description") && withheldProperties[id]?.contains("description") == true)
            if isWithheld { for token in tokens { withheld[Self.serials(in: token).first ?? ""] = item } }
        }
        for (format, output) in try FormatOutputs.all(view) {
            for serial in Self.serials(in: output) {
                if let item = withheld[serial] { Issue.record("\(context), \(format): token \(serial) of withheld \(item) leaks") }
            }
        }
    }
}
