@testable import Export
import ExportTestSupport
import Testing

/// The free-text scan: what it finds (URLs, vocabulary values, scripts without spaces, slugs, any case), what it
/// leaves (parts of longer words), how `--redact` rewrites each kind of field, and that it stays linear.
struct WithheldNameScannerTests {
    /// A report whose actor `crimson-otter` (alias `赤水獺`) and `unsal` are withheld from a recipient who
    /// receives `desk` and the incident; `edit` plants the strings under test.
    func scan(_ edit: (inout ThreatReport) -> Void) throws -> (scanner: WithheldNameScanner, view: ThreatReport) {
        var report = ThreatReport(
            title: "Weekly", published: try PartialDate(year: 2026), producer: Producer(id: "desk", name: "Desk"),
            actors: [
                Actor(id: "crimson-otter", name: "Crimson Otter", kind: .threatActor, aliases: ["赤水獺"]),
                Actor(id: "unsal", name: "Ünsal Group", kind: .organization),
                Actor(id: "desk", name: "Desk", kind: .agency),
            ],
            incidents: [Incident(id: "i1", title: "Intrusion", kind: .espionage)])
        edit(&report)
        var view = report
        view.actors.removeAll { $0.id != "desk" }
        return (WithheldNameScanner(report: report, view: view), view)
    }

    func messages(_ edit: (inout ThreatReport) -> Void) throws -> [String] {
        let (scanner, view) = try scan(edit)
        return scanner.findings(in: view).map(\.message)
    }

    @Test func aURLNamingAWithheldActorIsFoundAndLeftOut() throws {
        let (scanner, view) = try scan {
            $0.sources = [Source(id: "s1", name: "News", url: "https://news.example/crimson-otter-exposed")]
        }
        #expect(scanner.findings(in: view).map(\.message) == [
            "sources['s1'].url names 'Crimson Otter' (crimson-otter), which the recipient does not receive"
        ])
        let redacted = scanner.redacting(view)
        #expect(redacted.sources[0].url == nil)
        #expect(redacted.sources[0].name == "News")
    }

    /// An imported actor's description is both a model field and a property of the JSON the view carries: one
    /// error, not the same one twice. Text only the JSON holds is still reported.
    @Test func aNameInAnImportedObjectsModelledTextIsReportedOnce() throws {
        let messages = try messages {
            $0.actors[2].description = "Tracks Crimson Otter."
            $0.actors[2].imported = .object([
                "type": "identity", "id": "identity--6a1e3c2b-9d4f-4e8a-b7c6-5d4e3f2a1b0c",
                "description": "Tracks Crimson Otter.", "x_note": "Also Ünsal Group",
            ])
        }
        #expect(messages == [
            "actors['desk'].description names 'Crimson Otter' (crimson-otter), which the recipient does not receive",
            "imported identity 'identity--6a1e3c2b-9d4f-4e8a-b7c6-5d4e3f2a1b0c'.x_note names 'Ünsal Group' (unsal), which the recipient does not receive",
        ])
    }

    @Test func vocabularyValuesAreScannedAndRedactedWhole() throws {
        let (scanner, view) = try scan {
            $0.incidents[0].kind = "crimson-otter-intrusion"
            $0.actors[2].sectors = ["government", "crimson_otter-watchers", "crimsonotter"]
            $0.incidents[0].location = Location(name: "Otter Bay", region: "crimson-otter-coast")
        }
        #expect(scanner.findings(in: view).map(\.message).map { $0.prefix { $0 != " " } } == [
            "actors['desk'].sectors[1]", "actors['desk'].sectors[2]", "incidents['i1'].kind",
            "incidents['i1'].where.region",
        ])
        let redacted = scanner.redacting(view)
        #expect(redacted.incidents[0].kind == "withheld")
        #expect(redacted.actors[0].sectors == ["government", "withheld"])
        #expect(redacted.incidents[0].location == Location(name: "Otter Bay", region: "withheld"))
    }

    @Test func aNameInAScriptWithoutSpacesIsFoundInsideText() throws {
        let (scanner, view) = try scan { $0.description = "报告提到赤水獺的活动" }
        #expect(scanner.findings(in: view).map(\.message) == [
            "description names '赤水獺' (crimson-otter), which the recipient does not receive"
        ])
        #expect(scanner.redacting(view).description == "报告提到[withheld]的活动")
        #expect(scanner.redact("ニュースCrimson Otterの活動") == "ニュース[withheld]の活動")
        let thai = WithheldNameScanner(names: [(name: "มังกรแดง", owner: "red-dragon")])
        #expect(thai.redact("รายงานมังกรแดงโจมตี") == "รายงาน[withheld]โจมตี")
        #expect(thai.findings(in: "มังกรแดง", at: "objects[0].name").map(\.message) == [
            "objects[0].name names 'มังกรแดง' (red-dragon), which the recipient does not receive"
        ])
    }

    @Test func aLatinNameIsFoundOnlyAsAWholeWord() throws {
        let scanner = WithheldNameScanner(names: [(name: "Otter", owner: "otter")])
        #expect(scanner.matches(in: "Otterly Crimsonotter otters 0tter Otter1").isEmpty)
        #expect(scanner.matches(in: "(Otter), otter's, OTTER.").map(\.name) == ["Otter", "Otter", "Otter"])
    }

    @Test func caseIsFoldedBeyondASCII() throws {
        #expect(try messages { $0.description = "ÜNSAL GROUP and ünsal-group and U\u{308}nsal group" }.count == 3)
        let greek = WithheldNameScanner(names: [(name: "Οδυσσέας", owner: "o")])
        #expect(greek.redact("ΟΔΥΣΣΈΑΣ είπε") == "[withheld] είπε")
    }

    @Test func aNameIsFoundWrittenAsASlug() throws {
        let scanner = WithheldNameScanner(names: [(name: "Crimson Otter", owner: "crimson-otter")])
        let slugs = ["crimson-otter", "crimson_otter", "crimson+otter", "crimson.otter", "crimson%20otter",
                     "crimson%2Dotter", "CrimsonOtter", "crimson -- otter"]
        for slug in slugs { #expect(scanner.redact("see \(slug)/x") == "see [withheld]/x", "\(slug)") }
        #expect(scanner.matches(in: "crimson%41otter crimson-otters crimson%").isEmpty)
        #expect(scanner.redact("a Crim\u{AD}son Ot\u{200B}ter b") == "a [withheld] b")  // soft hyphen, zero-width space
        let cjk = WithheldNameScanner(names: [(name: "赤水獺", owner: "crimson-otter")])
        #expect(cjk.redact("https://x.example/%E6%8A%A5%E5%91%8A%E8%B5%A4%E6%B0%B4%E7%8D%BA%E7%9A%84?q=1", as: .url) == "")
        #expect(cjk.redact("/%E8%B5%A4%E6%B0%B4%E7%8D%BA/") == "/[withheld]/")
        #expect(cjk.matches(in: "%E8%B5%A4%E6%B0%B4 %E8").isEmpty)
    }

    @Test func redactionFollowsTheKindOfField() throws {
        let scanner = WithheldNameScanner(names: [(name: "Crimson Otter", owner: "crimson-otter")])
        #expect(scanner.redact("Crimson Otter's tools, crimson otter again") == "[withheld]'s tools, [withheld] again")
        #expect(scanner.redact("https://crimson-otter.example/", as: .url) == "")
        #expect(scanner.redact("crimson-otter-intrusion", as: .vocabulary) == "withheld")
        #expect(scanner.redact("espionage", as: .vocabulary) == "espionage")
        let match = try #require(scanner.matches(in: "ab Crimson  Otter cd").first)
        #expect(match.owner == "crimson-otter")
        #expect("ab Crimson  Otter cd"[match.range] == "Crimson  Otter")
    }

    @Test func theLongestOfOverlappingNamesIsRedacted() throws {
        let scanner = WithheldNameScanner(names: [("Crimson", "a"), ("Crimson Otter Unit", "b"), ("Otter Unit", "c")])
        #expect(scanner.matches(in: "the Crimson Otter Unit and the Otter Unit").map(\.owner) == ["b", "c"])
        let overlapping = WithheldNameScanner(names: [("Crimson Otter", "a"), ("Otter Unit Nine", "b")])
        #expect(overlapping.matches(in: "Crimson Otter Unit Nine").map(\.owner) == ["a", "b"])
        #expect(overlapping.redact("see Crimson Otter Unit Nine; Otter Unit Nine") == "see [withheld]; [withheld]")
    }

    /// Names that nest (`abc`, `abc abc`, … 300 words) against 50,000 words: every word ends a match of every
    /// shorter name, 15 million in all, yet only the longest at each place is kept and the scan stays linear.
    @Test func nestedNamesDoNotMultiplyTheMatches() throws {
        let names = (1...300).map { (name: Array(repeating: "abc", count: $0).joined(separator: " "), owner: "n\($0)") }
        let scanner = WithheldNameScanner(names: names)
        let text = String(repeating: "abc ", count: 50_000)
        let found = scanner.matches(in: text)
        #expect(found.count == 50_000 - 299)
        #expect(found.first?.owner == "n300")
        #expect(scanner.redact(text) == "[withheld] ")
    }

    @Test func namesTheRecipientReceivesAreNotSearched() throws {
        let scanner = WithheldNameScanner(names: [("Crimson Otter", "a"), ("Desk", "b"), ("C++", "c")],
                                          received: ["crimson-otter", "desk"])
        #expect(scanner.matches(in: "Crimson Otter and Desk in C++, c and C").isEmpty)
    }

    /// 100,000 names against a text of about 1 MB: a quadratic scan would not finish within the test run; a
    /// linear one takes about a second on a debug build. No timing is asserted, the counts prove the scan ran.
    @Test func aHundredThousandNamesAgainstAMegabyteOfText() throws {
        let names = (0..<100_000).map { (name: "nm" + String($0, radix: 36), owner: "o\($0)") }
        let scanner = WithheldNameScanner(names: names)
        let chunk = "lorem ipsum nm255r dolor sit amet, consectetur nm2s adipiscing elit sed do eiusmod 赤水獺 "
        let text = String(repeating: chunk, count: 1_000_000 / chunk.utf8.count)
        let found = scanner.matches(in: text)
        #expect(text.utf8.count > 990_000)
        #expect(found.count == 2 * (1_000_000 / chunk.utf8.count))
        #expect(Set(found.map(\.owner)) == ["o99999", "o100"])  // nm255r and nm2s in base 36
    }
}

/// The scan through the policy on the built-in scenario: Vietnam does not receive the Chinese cyber operators.
struct WithheldNameScannerPolicyTests {
    @Test func aURLAndAVocabularyValueNamingAWithheldActorFailTheExportAndRedactInEveryFormat() throws {
        var report = try SampleScenario.report()
        let index = try #require(report.incidents.firstIndex { $0.id == "classified-disclosure" })
        let sourceID = try #require(report.incidents[index].sources.first)
        let source = try #require(report.sources.firstIndex { $0.id == sourceID })
        report.incidents[index].kind = "chinese-cyber-operators-leak"
        report.sources[source].url = "https://news.example/Chinese_Cyber_Operators/exposed"
        let vietnam = try Recipient.resolve("VNM", in: report)
        let paths = SharingPolicy().plan(report, for: vietnam).textHits.map { $0.message.prefix { $0 != " " } }
        #expect(paths == ["sources['\(sourceID)'].url", "incidents['classified-disclosure'].kind"])
        #expect(throws: ExportError.self) { try SharingPolicy().view(report, for: vietnam) }

        let view = try SharingPolicy(redactsWithheldNames: true).view(report, for: vietnam).view
        #expect(view.report.incidents.first { $0.id == "classified-disclosure" }?.kind == "withheld")
        #expect(view.report.sources.first { $0.id == sourceID }?.url == nil)
        for format in FormatRegistry.writable {
            var sink: any ByteSink = MemorySink()
            _ = try format.writer!.write(view, options: .default, to: &sink)
            let output = ((sink as? MemorySink)?.string ?? "").lowercased()
            #expect(!output.contains("chinese-cyber-operators") && !output.contains("chinese_cyber_operators"),
                    "\(format.name)")
        }
    }
}
