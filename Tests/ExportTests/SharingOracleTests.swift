import Export
import ExportTestSupport
import Foundation
import Testing

/// The sharing policy against an independent oracle (`Tests/oracles/sharing_oracle.py`, written from README's
/// "Partner-scoped sharing" alone) on generated reports and recipients: the same items released, the same label
/// on each released object, in the view and in every format, and no token of a withheld item in any output.
struct SharingOracleTests {
    /// Cases per run; one Python process answers them all, so the count costs little.
    static let caseCount = 600

    struct Answer {
        var released: Set<String>
        var labels: [String: Label]
    }

    struct Label: Hashable, CustomStringConvertible {
        var tlp: String
        var releasableTo: [String]
        var description: String { "\(tlp) \(releasableTo)" }
    }

    @Test func policyAgreesWithTheOracleAndNothingWithheldLeaks() throws {
        var generator = SharingCaseGenerator(seed: 15)
        let cases = (0..<Self.caseCount).map { _ in generator.next() }
        let answers = try Self.oracle(cases)
        try #require(answers.count == cases.count)
        var stix12Labels = 0
        for (index, sharingCase) in cases.enumerated() {
            try check(sharingCase, against: answers[index], context: "case \(index) for \(sharingCase.recipient)",
                      stix12Labels: &stix12Labels)
        }
        #expect(stix12Labels > Self.caseCount, "only \(stix12Labels) STIX 1.2 labels were found to compare")
    }

    func check(_ sharingCase: SharingCase, against answer: Answer, context: String, stix12Labels: inout Int) throws {
        let read = AuthoringReader.read(CanonicalJSON.bytes(sharingCase.authoring), file: "case.json")
        let report = try #require(read.report, "\(context): \(read.diagnostics.map(\.message))")
        let recipient = try Recipient.resolve(sharingCase.recipient, in: report)
        let view = try SharingPolicy(redactsWithheldNames: true).view(report, for: recipient).view
        let released = Self.releasedItems(of: view.report, original: report)
        #expect(released == answer.released, "\(context): Swift \(released.subtracting(answer.released)) oracle \(answer.released.subtracting(released))")
        let plan = SharingPolicy().plan(report, for: recipient)
        for decision in plan.decisions {
            let item = Self.item(decision)
            #expect(decision.isReleased == answer.released.contains(item), "\(context): plan says \(item) released \(decision.isReleased): \(decision.rule)")
            if decision.isReleased, let expected = answer.labels[item] {
                #expect(Self.label(decision.label) == expected, "\(context): plan labels \(item) \(decision.label ?? "-"), oracle \(expected)")
            }
        }
        // The plan lists every object, source and the narrative (links and memberships only when in question).
        let decided = Set(plan.decisions.map(Self.item))
        let undecided = answer.released.filter { !$0.contains(" → ") && !$0.contains(" ∋ ") && !decided.contains($0) }
        #expect(undecided.isEmpty, "\(context): the plan has no decision on \(undecided)")
        for (id, marking) in Self.markings(of: view.report) {
            let label = Label(tlp: marking.tlp.rawValue, releasableTo: marking.releasableTo.map(\.text).sorted())
            #expect(label == answer.labels[id], "\(context): \(id) labelled \(label), oracle \(String(describing: answer.labels[id]))")
        }
        SharingGuaranteeTests.expectClosed(view.report, kept: Set(Self.markings(of: view.report).keys), context: context)
        var withheld: [Substring: String] = [:]
        for (item, tokens) in sharingCase.tokens where !answer.released.contains(item) {
            for token in tokens { withheld[Self.serials(in: token).first ?? "", default: item] = item }
        }
        for (format, output) in try FormatOutputs.all(view) {
            let spelled: [String: Label]? = switch format {
            case "stix21": try Self.stix21Labels(output)
            case "report-xml": Self.reportXMLLabels(output, defaultMarking: view.report.defaultMarking)
            default: nil
            }
            if let spelled {
                #expect(spelled == answer.labels, "\(context), \(format): labels \(spelled), oracle \(answer.labels)")
            }
            if format == "stix12" {
                stix12Labels += Self.expectSTIX12Labels(output, answer: answer, view: view.report, context: context)
            }
            if format == "misp" { try Self.expectMISPLevels(output, answer: answer, view: view.report, context: context) }
            let found = Self.serials(in: output)
            for serial in found {
                if let item = withheld[serial] { Issue.record("\(context), \(format): token \(serial) of withheld \(item) leaks") }
            }
            // The control: report-json carries every field, so every released item's tokens are there, and a
            // scan that found nothing would not pass for "nothing leaked".
            if format == "report-json" {
                let present = Set(found)
                for (item, tokens) in sharingCase.tokens where answer.released.contains(item) {
                    for token in tokens.flatMap({ Self.serials(in: $0) }) where !present.contains(token) {
                        Issue.record("\(context): token \(token) of released \(item) missing from report-json")
                    }
                }
            }
        }
    }

    /// One Python process for all cases: writes them to one file and reads one answer per case.
    static func oracleAnswers(_ inputs: [JSONValue]) throws -> [[String: Any]] {
        let folder = try RepositoryPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bytes = Data(CanonicalJSON.bytes(.array(inputs), indent: nil))
        let file = folder.appendingPathComponent("cases.json")
        try bytes.write(to: file)
        // To reproduce a failure by hand: SHARING_ORACLE_CASES=/tmp/dir keeps each run's input there.
        if let keep = ProcessInfo.processInfo.environment["SHARING_ORACLE_CASES"] {
            try? bytes.write(to: URL(fileURLWithPath: keep).appendingPathComponent("cases-\(inputs.count).json"))
        }
        let result = try Oracle.runScript("sharing_oracle.py", [file.path])
        try #require(result.status == 0, "sharing_oracle.py: \(result.errors.suffix(2000))")
        return try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [[String: Any]])
    }

    static let stixObjectTypes: Set<String> = ["identity", "threat-actor", "intrusion-set", "campaign", "incident"]

    /// Each model object's label as a STIX 2.1 bundle spells it: the TLP 2.0 marking and exportctl's
    /// releasability marking among its `object_marking_refs`, keyed by the extension's `local_id`.
    static func stix21Labels(_ output: String) throws -> [String: Label] {
        let bundle = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
        let objects = bundle?["objects"] as? [[String: Any]] ?? []
        func extensions(_ object: [String: Any]) -> [[String: Any]] {
            (object["extensions"] as? [String: Any] ?? [:]).values.compactMap { $0 as? [String: Any] }
        }
        var definitions: [String: [[String: Any]]] = [:]
        for object in objects where object["type"] as? String == "marking-definition" {
            definitions[object["id"] as? String ?? ""] = extensions(object)
        }
        var labels: [String: Label] = [:]
        for object in objects where stixObjectTypes.contains(object["type"] as? String ?? "") {
            guard let id = extensions(object).compactMap({ $0["local_id"] as? String }).first,
                  extensions(object).allSatisfy({ $0["producer"] == nil }) else { continue }
            let applied = (object["object_marking_refs"] as? [String] ?? []).flatMap { definitions[$0] ?? [] }
            labels[id] = Label(tlp: applied.compactMap { $0["tlp_2_0"] as? String }.first ?? "none",
                               releasableTo: applied.flatMap { $0["releasable_to"] as? [String] ?? [] }.sorted())
        }
        return labels
    }

    /// Each model object's label as report-xml spells it: the object's own `<marking>` (six spaces in, where
    /// the writer puts an object's children; links' markings sit deeper), else the document's default.
    static func reportXMLLabels(_ output: String, defaultMarking: Marking?) -> [String: Label] {
        let objectStart = /^    <(actor|intrusionSet|campaign|partnership|incident) id="([^"]+)"/
        var labels: [String: Label] = [:]
        var current: String?
        var inMarking = false
        for line in output.split(separator: "\n") {
            if let match = line.firstMatch(of: objectStart) {
                current = String(match.2)
                labels[String(match.2)] = defaultMarking.map {
                    Label(tlp: $0.tlp.rawValue, releasableTo: $0.releasableTo.map(\.text).sorted())
                }
            } else if let id = current, let match = line.firstMatch(of: /^      <marking tlp="([^"]+)"/) {
                labels[id] = Label(tlp: String(match.1), releasableTo: [])
                inMarking = !line.hasSuffix("/>")
            } else if inMarking, let id = current, let match = line.firstMatch(of: /^        <(?:country|party)>([^<]+)</) {
                let entries = (labels[id]?.releasableTo ?? []) + [String(match.1)]
                labels[id]?.releasableTo = entries.sorted()
            } else if line.hasPrefix("      </marking>") {
                inMarking = false
            }
        }
        return labels.compactMapValues { $0 }
    }

    /// STIX 1.2 labels of identities and partnerships (the package `Handling` names them by id) and of threat
    /// actors, campaigns, intrusion sets and incidents (each in its own `Handling`, over the whole component): the
    /// TLP colour (CLEAR → WHITE, AMBER+STRICT → AMBER plus its statement), and a `REL TO` list that names every
    /// country of the oracle's label and no country but those of what the recipient receives. Parties become
    /// countries there (MAPPING.md), so their exact expansion is not compared.
    @discardableResult
    static func expectSTIX12Labels(_ output: String, answer: Answer, view: ThreatReport, context: String) -> Int {
        var checked = 0
        let producer = view.producer.id
        let colours = ["clear": "WHITE", "green": "GREEN", "amber": "AMBER", "amber+strict": "AMBER", "red": "RED"]
        var known = Set(view.actors.compactMap { $0.country?.alpha3 })
        for (_, label) in answer.labels { known.formUnion(label.releasableTo.filter { $0.count == 3 && $0 == $0.uppercased() }) }
        func expect(_ id: String, _ block: String) {
            guard let label = answer.labels[id] else { return }
            checked += 1
            let colour = block.firstMatch(of: /color="([A-Z]+)"/).map { String($0.1) }
            #expect(colour == colours[label.tlp], "\(context), stix12: \(id) is \(colour ?? "-"), oracle \(label)")
            #expect(block.contains("TLP:AMBER+STRICT") == (label.tlp == "amber+strict"), "\(context), stix12: \(id) strictness")
            let codes = Set(block.firstMatch(of: /REL TO ([A-Z, ]+)</).map { $0.1.components(separatedBy: ", ") } ?? [])
            let countries = Set(label.releasableTo.filter { $0.count == 3 && $0 == $0.uppercased() })
            #expect(countries.isSubset(of: codes) && codes.isSubset(of: known), "\(context), stix12: \(id) REL TO \(codes.sorted()), oracle \(label)")
            // An organisation or person located in a country is not the country: a label naming one must not be
            // written as that country (`releasable to charite` once became `REL TO DEU`, which a STIX 1.2 or ACS
            // reader releases to all of Germany). Labels naming no partnership name no country beyond their own
            // and their states' countries.
            let parties = label.releasableTo.filter { !countries.contains($0) }
            if !parties.contains(where: { party in view.partnerships.contains { $0.id == party } }) {
                let states = parties.compactMap { party in view.actors.first { $0.id == party && $0.kind == .state }?.country?.alpha3 }
                let widened = codes.subtracting(countries).subtracting(states)
                #expect(widened.isEmpty, "\(context), stix12: \(id) \(label) is written REL TO \(codes.sorted())")
            }
        }
        let objects = view.actors.filter { $0.kind != .threatActor }.map(\.id) + view.partnerships.map(\.id)
        for block in output.components(separatedBy: "<marking:Marking>").dropFirst() {
            // An object's own structure is `//*[@id='X']/descendant-or-self::node()`; a link's names more.
            guard let structure = block.firstMatch(of: /<marking:Controlled_Structure>\/\/\*\[@id='[^']*identity-([0-9a-f-]+)'\]\/descendant/),
                  let id = objects.first(where: { StableID.uuid(producer: producer, type: "identity", localID: $0) == structure.1 })
            else { continue }
            expect(id, block)
        }
        var components: [String: String] = [:]  // "<type>-<uuid>" → local id
        let kinds = [("threat-actor", view.actors.filter { $0.kind == .threatActor }.map(\.id)),
                     ("campaign", view.campaigns.map(\.id)), ("intrusion-set", view.intrusionSets.map(\.id)),
                     ("incident", view.incidents.map(\.id))]
        for (type, ids) in kinds {
            for id in ids { components["\(type)-\(StableID.uuid(producer: producer, type: type, localID: id))"] = id }
        }
        var componentChecks = 0
        let enclosing = "<marking:Controlled_Structure>../../../descendant-or-self::node() | ../../../descendant-or-self::node()/@*<"
        for chunk in output.components(separatedBy: "<stix:").dropFirst() {
            guard let match = chunk.firstMatch(of: /^(?:Threat_Actor|Campaign|Incident) [^>]*id="[^":]*:([a-z-]+-[0-9a-f-]{36})"/),
                  let id = components[String(match.1)] else { continue }
            let own = chunk.components(separatedBy: "<marking:Marking>").dropFirst().first { $0.contains(enclosing) }
            guard let own else {
                #expect(answer.labels[id] == nil, "\(context), stix12: \(id) has no Handling of its own")
                continue
            }
            if answer.labels[id] != nil { componentChecks += 1 }
            expect(id, own)
        }
        // Every labelled component was found and compared, not only some.
        #expect(componentChecks == kinds.flatMap(\.1).filter { answer.labels[$0] != nil }.count, "\(context), stix12 components")
        return checked
    }

    /// MISP's TLP of every released object it writes as a MISP object (identities, partnerships, intrusion
    /// sets, incidents) or a `campaign-name` attribute: the `tlp:` tag on its attributes, else its event's, in
    /// every event that carries it, is the oracle's level. (Its audience is MISP's distribution and sharing
    /// group, which `MISPDistributionTests` and `MISPAudienceTests` check.)
    static func expectMISPLevels(_ output: String, answer: Answer, view: ThreatReport, context: String) throws {
        let root = try LocatedJSONReader.read(Array(output.utf8)).value
        let events = (root["response"]?.arrayValue ?? [root]).compactMap { $0["Event"] }
        var ids: [String: String] = [:]  // MISP uuid → local id
        let producer = view.producer.id
        let kinds = [("identity", view.actors.filter { $0.kind != .threatActor }.map(\.id) + view.partnerships.map(\.id)),
                     ("intrusion-set", view.intrusionSets.map(\.id)), ("campaign", view.campaigns.map(\.id)),
                     ("incident", view.incidents.map(\.id))]
        for (type, locals) in kinds {
            for id in locals { ids[StableID.uuid(producer: producer, type: type, localID: id)] = id }
        }
        func level(_ tags: JSONValue?) -> String? {
            (tags?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }.first { $0.hasPrefix("tlp:") }.map { String($0.dropFirst(4)) }
        }
        var checked = 0
        for event in events {
            let eventLevel = level(event["Tag"])
            var items: [(uuid: String, tags: JSONValue?)] = (event["Object"]?.arrayValue ?? []).map { object in
                (object["uuid"]?.stringValue ?? "", object["Attribute"]?.arrayValue?.first?["Tag"])
            }
            items += (event["Attribute"]?.arrayValue ?? []).filter { $0["type"] == "campaign-name" }.map {
                ($0["uuid"]?.stringValue ?? "", $0["Tag"])
            }
            for item in items {
                guard let id = ids[item.uuid], let expected = answer.labels[id] else { continue }
                checked += 1
                let written = level(item.tags) ?? eventLevel
                #expect(written == expected.tlp, "\(context), misp: \(id) is tlp:\(written ?? "-"), oracle \(expected)")
            }
        }
        let expected = kinds.flatMap(\.1).filter { answer.labels[$0] != nil }
        #expect(checked >= expected.count, "\(context), misp: \(checked) levels found for \(expected.count) objects")
    }

    /// Every `Tok<5 digits>` in `text`: one pass, rather than one search per planted token.
    static func serials(in text: String) -> [Substring] {
        let utf8 = Array(text.utf8)
        var found: [Substring] = []
        var index = 0
        while index + 8 <= utf8.count {
            if utf8[index] == UInt8(ascii: "T"), utf8[index + 1] == UInt8(ascii: "o"), utf8[index + 2] == UInt8(ascii: "k"),
               utf8[(index + 3)..<(index + 8)].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) {
                found.append(Substring(decoding: utf8[index..<(index + 8)], as: UTF8.self))
                index += 8
            } else {
                index += 1
            }
        }
        return found
    }

    /// What the view holds, spelled as the oracle spells items.
    static func releasedItems(of view: ThreatReport, original: ThreatReport) -> Set<String> {
        var items = Set(markings(of: view).keys)
        for actor in view.actors { items.formUnion(actor.sponsoredBy.map { "\(actor.id) → \($0.ref)" }) }
        for activity in view.intrusionSets + view.campaigns {
            items.formUnion((activity.attributedTo + activity.targets).map { "\(activity.id) → \($0.ref)" })
        }
        for incident in view.incidents {
            let links = incident.attributedTo + incident.targets + incident.responders + incident.supporters
            items.formUnion(links.map { "\(incident.id) → \($0.ref)" })
        }
        for partnership in view.partnerships { items.formUnion(partnership.members.map { "\(partnership.id) ∋ \($0.member)" }) }
        items.formUnion(view.sources.map { "source:\($0.id)" })
        if view.title == original.title { items.insert("narrative") }
        return items
    }

    /// Each object of the view with the marking it carries.
    static func markings(of view: ThreatReport) -> [String: Marking] {
        var markings: [String: Marking] = [:]
        for actor in view.actors { markings[actor.id] = actor.marking ?? view.defaultMarking }
        for activity in view.intrusionSets + view.campaigns { markings[activity.id] = activity.marking ?? view.defaultMarking }
        for partnership in view.partnerships { markings[partnership.id] = partnership.marking ?? view.defaultMarking }
        for incident in view.incidents { markings[incident.id] = incident.marking ?? view.defaultMarking }
        return markings.compactMapValues { $0 }
    }

    /// A plan decision's item, spelled as the oracle spells items.
    static func item(_ decision: SharingDecision) -> String {
        switch decision.kind {
        case "source": "source:\(decision.id)"
        case "report narrative": "narrative"
        default: decision.id
        }
    }

    /// A plan label (`TLP:AMBER, releasable to a, b`) as the oracle writes labels.
    static func label(_ text: String?) -> Label? {
        guard let text, text.hasPrefix("TLP:") else { return nil }
        let parts = text.dropFirst(4).components(separatedBy: ", releasable to ")
        let entries = parts.count > 1 ? parts[1].components(separatedBy: ", ").sorted() : []
        return Label(tlp: parts[0].lowercased(), releasableTo: entries)
    }

    /// Runs the oracle once for every case.
    static func oracle(_ cases: [SharingCase]) throws -> [Answer] {
        let inputs = cases.map { JSONValue.object(["report": $0.authoring, "recipient": .string($0.recipient)]) }
        return try oracleAnswers(inputs).map { answer in
            let labels = (answer["labels"] as? [String: [String: Any]] ?? [:]).mapValues { label in
                Label(tlp: label["tlp"] as? String ?? "?", releasableTo: label["releasable_to"] as? [String] ?? [])
            }
            return Answer(released: Set(answer["released"] as? [String] ?? ["error: \(answer["error"] ?? "?")"]), labels: labels)
        }
    }
}
