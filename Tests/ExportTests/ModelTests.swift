import Export
import Testing

struct PartialDateTests {
    @Test(arguments: ["2023", "2023-04", "2023-04-13", "2024-02-29", "0001", "9999-12-31"])
    func validDatesRoundTrip(_ text: String) throws {
        #expect(try PartialDate(parsing: text).description == text)
    }

    @Test(arguments: [
        "2023-02-30", "2023-02-29", "2100-02-29", "2023-13", "2023-00", "2023-04-31", "2023-4", "23",
        "2023-04-1", "0000", "2023/04", "2023-04-13T00:00", "", " 2023", "２０２３",
    ])
    func invalidDatesAreRefused(_ text: String) {
        #expect(throws: PartialDateError.self) { try PartialDate(parsing: text) }
    }

    @Test func precisionWindow() throws {
        let month = try PartialDate(parsing: "2024-02")
        #expect(month.precision == .month)
        #expect(month.start.description == "2024-02-01")
        #expect(month.end.description == "2024-02-29")
        let year = try PartialDate(parsing: "2022")
        #expect(year.start.description == "2022-01-01")
        #expect(year.end.description == "2022-12-31")
    }

    @Test func intervalsMustNotRunBackwards() throws {
        let span = try DateSpan(parsing: "2022-10/2022-12")
        #expect(span.start.description == "2022-10-01")
        #expect(span.end.description == "2022-12-31")
        #expect(span.description == "2022-10/2022-12")
        #expect(throws: PartialDateError.self) { try DateSpan(parsing: "2023/2022") }
        #expect(throws: PartialDateError.self) { try DateSpan(parsing: "2022/2023/2024") }
        // Overlapping precision is fine: the interval 2022-12/2022 ends no earlier than it starts.
        #expect((try? DateSpan(parsing: "2022-12/2022")) != nil)
    }
}

struct CountryCodeTests {
    @Test(arguments: [("JP", "JPN"), ("JPN", "JPN"), ("jp", "JPN"), ("NO", "NOR"), ("GB", "GBR"), ("KR", "KOR")])
    func acceptsAlpha2AndAlpha3(_ input: String, _ alpha3: String) throws {
        let code = try #require(CountryCode(input))
        #expect(code.alpha3 == alpha3)
        #expect(CountryCode(code.alpha2) == code)
    }

    @Test(arguments: ["XX", "UK", "EU", "", "JAPAN", "J"])
    func refusesNonCodes(_ input: String) {
        #expect(CountryCode(input) == nil)
    }
}

struct MembershipTests {
    let published: PartialDate

    init() throws { published = try PartialDate(parsing: "2023-11-15") }

    @Test func certaintyDependsOnPrecision() throws {
        #expect(Membership("a").isCertain(on: published))
        #expect(Membership("a", since: try PartialDate(parsing: "2023-11-15")).isCertain(on: published))
        #expect(Membership("a", since: try PartialDate(parsing: "2023-11")).isCertain(on: published) == false)
        #expect(Membership("a", since: try PartialDate(parsing: "2023")).isCertain(on: published) == false)
        #expect(Membership("a", since: try PartialDate(parsing: "2022")).isCertain(on: published))
        #expect(Membership("a", until: try PartialDate(parsing: "2023-11-16")).isCertain(on: published))
        #expect(Membership("a", until: try PartialDate(parsing: "2023-11-15")).isCertain(on: published) == false)
        #expect(Membership("a", until: try PartialDate(parsing: "2023")).isCertain(on: published) == false)
    }
}

struct TLPTests {
    @Test func orderRunsFromWidestToNarrowest() {
        #expect(TLP.allCases.sorted() == [.clear, .green, .amber, .amberStrict, .red])
        #expect(max(TLP.amber, .amberStrict) == .amberStrict)
        #expect(TLP.amberStrict.label == "TLP:AMBER+STRICT")
    }
}

struct OpenVocabularyTests {
    @Test func unknownValuesSurvive() {
        let custom = ThreatActorType("cyber-mercenary")
        #expect(custom.rawValue == "cyber-mercenary")
        #expect(custom.isKnown == false)
        #expect(ThreatActorType("nation-state") == .nationState)
        #expect(IndustrySector.legal.isKnown)
    }
}
