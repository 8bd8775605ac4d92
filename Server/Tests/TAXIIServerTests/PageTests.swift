import Export
import Testing

@testable import TAXIIServer

/// Pages through the id and type indexes return what a scan of every object returns, from any cursor.
struct PageTests {
    @Test func mergeTakesAscendingPositionsFromTheStart() {
        #expect(Array(PositionMerge([[1, 5, 9], [2, 3, 10], []], from: 3)) == [3, 5, 9, 10])
        #expect(Array(PositionMerge([[1, 2]], from: 5)).isEmpty)
        #expect(Array(PositionMerge([], from: 0)).isEmpty)
    }

    /// For every type alone, every pair of types, a type with an id, and page sizes 1, 3 and 100, following `next`
    /// gives exactly the objects a scan of the collection selects, in order.
    @Test func filteredPagesEqualAScan() throws {
        let report = try #require(try ReportLoader.load(path: nil).report)
        let partner = try Partner(name: "jp", recipient: "JPN", passwordHash: "$2b$04$" + String(repeating: "a", count: 53))
        let collection = try #require(try Catalog(reports: [report], partners: [partner]).collections(for: "jp").first)
        let types = Set(collection.objects.map(\.type)).sorted()
        #expect(types.count > 3)
        var filters: [(types: Set<String>?, ids: Set<String>?)] = types.map { ([$0], nil) }
        filters += zip(types, types.dropFirst()).map { ([$0, $1], nil) }
        filters.append(([types[0], "no-such-type"], nil))
        let someID = try #require(collection.objects.last?.id)
        filters.append(([types[0]], [someID]))
        filters.append((nil, [someID, "indicator--00000000-0000-4000-8000-000000000000"]))
        for filter in filters {
            let expected = collection.objects.filter { object in
                (filter.types?.contains(object.type) ?? true) && (filter.ids?.contains(object.id) ?? true)
            }.map(\.id)
            for limit in [1, 3, 100] {
                var query = try ObjectQuery("limit=\(limit)")
                query.types = filter.types
                query.ids = filter.ids
                var seen: [String] = []
                for _ in 0...collection.objects.count {
                    let page = Page(collection, query: query, maxPageSize: 1000, candidates: collection.candidates(for: query))
                    seen += page.objects.map(\.id)
                    guard let next = page.next else { break }
                    query.after = try ObjectQuery("next=\(next)").after
                }
                #expect(seen == expected, "\(filter) limit \(limit)")
            }
        }
    }
}
