import Export
import Testing

struct LinkMarkingTests {
    let amber = Marking(tlp: .amber)
    let greenFiveEyes = Marking(tlp: .green, releasableTo: [.party("five-eyes")])

    @Test func ownMarkingWins() {
        let own = Marking(tlp: .clear)
        #expect(LinkMarking.effective(own: own, from: amber, to: greenFiveEyes) == own)
    }

    @Test func strictestTLPAndTheOtherEndsList() {
        #expect(LinkMarking.effective(own: nil, from: amber, to: greenFiveEyes)
            == Marking(tlp: .amber, releasableTo: [.party("five-eyes")]))
        #expect(LinkMarking.stricter(nil, amber) == amber)
        #expect(LinkMarking.stricter(nil, nil) == nil)
    }

    @Test func listsIntersectAndDisjointListsGiveRed() throws {
        let india = try #require(CountryCode("IND"))
        let quad = Marking(tlp: .green, releasableTo: [.party("quad"), .country(india)])
        let indiaOnly = Marking(tlp: .amber, releasableTo: [.country(india)])
        #expect(LinkMarking.stricter(quad, indiaOnly) == Marking(tlp: .amber, releasableTo: [.country(india)]))
        #expect(LinkMarking.stricter(greenFiveEyes, indiaOnly) == Marking(tlp: .red))
    }

    /// An outside attack: a link whose own marking (CLEAR) is wider than its end (AMBER REL TO GBR) went out as
    /// CLEAR in STIX 2.1 and WHITE in STIX 1.2 while MISP kept it AMBER; and a `located-at` relationship from an
    /// AMBER actor went out unmarked. In a recipient's view both now carry the narrower label, in every format.
    @Test func aRecipientsLinkLabelIsNeverWiderThanItsEnds() throws {
        var report = try SampleScenario.report()
        let gbr = try #require(CountryCode("GBR"))
        report.actors.append(Actor(id: "quiet-victim", name: "Quiet Victim Ministry", kind: .agency, country: CountryCode("IND"),
                                   marking: Marking(tlp: .amber, releasableTo: [.country(gbr)])))
        let incident = try #require(report.incidents.firstIndex { $0.id == "himalaya-incursion" })
        report.incidents[incident].targets.append(Link("quiet-victim", marking: Marking(tlp: .clear)))
        let view = try SharingPolicy().view(report, for: try Recipient.resolve("GBR", in: report)).view
        let label = view.report.incidents.first { $0.id == "himalaya-incursion" }?.targets.first { $0.ref == "quiet-victim" }?.label
        #expect(label == Marking(tlp: .amber, releasableTo: [.country(gbr)]))
        var sink: any ByteSink = MemorySink()
        _ = try FormatDescriptor.stix21.writer!.write(view, options: .default, to: &sink)
        let bundle = try LocatedJSONReader.read((sink as? MemorySink)?.bytes ?? []).value
        let objects = bundle["objects"]?.arrayValue ?? []
        let names = Dictionary(objects.compactMap { o in o["id"]?.stringValue.map { ($0, o["name"]?.stringValue ?? "") } }) { a, _ in a }
        let victim = try #require(objects.first { $0["name"] == "Quiet Victim Ministry" }?["id"]?.stringValue)
        for relationship in objects where relationship["type"] == "relationship"
            && (relationship["source_ref"]?.stringValue == victim || relationship["target_ref"]?.stringValue == victim)
        {
            let refs = (relationship["object_marking_refs"]?.arrayValue ?? []).compactMap { names[$0.stringValue ?? ""] }
            #expect(refs.contains("TLP:AMBER") && refs.contains("REL TO GBR"), "\(relationship["relationship_type"] ?? "") \(refs)")
        }
    }
}
