import Testing

@testable import TAXIIServer

/// Query parameters: what is a 400, and what is read leniently.
struct ObjectQueryTests {
    @Test(arguments: [
        "added_after=2023-11-15", "added_after=yesterday", "added_after=2023-11-15T00:00:00+01:00",
        "added_after=2023-02-30T00:00:00Z", "limit=0", "limit=-1", "limit=1.5", "limit=", "next=", "next=abc",
        "limit=1&limit=2", "match%5Bversion%5D=all,first", "match[version]=soon", "match[type]=", "added_after=%G1",
        "limit=%FF",
    ])
    func malformedParameterIs400(query: String) {
        #expect(throws: TAXIIError.self) { try ObjectQuery(query) }
    }

    @Test func wellFormedParametersParse() throws {
        let query = try ObjectQuery(
            "added_after=2023-11-15T00:00:00.5Z&limit=10&match%5Btype%5D=identity,location&match[version]=last&x=1")
        #expect(query.addedAfter?.description == "2023-11-15T00:00:00.500000Z")
        #expect(query.limit == 10)
        #expect(query.types == ["identity", "location"])
        #expect(query.versions == [.last])
    }

    @Test func timestampsRoundTrip() throws {
        for text in ["1970-01-01T00:00:00.000000Z", "2023-11-15T23:59:59.999999Z", "2000-02-29T12:00:00.000001Z"] {
            #expect(try TAXIITimestamp(parsing: text).description == text)
        }
    }

    @Test(arguments: [
        (nil, true), ("", true), ("*/*", true), ("application/taxii+json", true),
        ("application/taxii+json;version=2.1", true), ("application/json, text/plain, */*", true),
        ("application/taxii+json;version=2.0", false), ("text/html", false), ("application/taxii+json;q=0", false),
    ] as [(String?, Bool)])
    func acceptIsLenient(accept: String?, acceptable: Bool) {
        #expect(TAXIIMediaType.isAcceptable(accept) == acceptable)
    }
}
