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
}
