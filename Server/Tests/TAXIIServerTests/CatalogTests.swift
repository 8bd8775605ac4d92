import Export
import Testing

@testable import TAXIIServer

/// What each partner is served, computed at start-up.
struct CatalogTests {
    private func partner(_ name: String, _ recipient: String) throws -> Partner {
        try Partner(name: name, recipient: recipient, passwordHash: "$2b$04$" + String(repeating: "a", count: 53))
    }

    /// Two starts on the same report serve the same objects with the same `date_added`, so `added_after` paging
    /// survives a restart; dates ascend one millisecond apart from the report's date.
    @Test func dateAddedIsTheSameOnEveryStart() throws {
        let partners = [try partner("jp", "JPN")]
        func served() throws -> [(String, String)] {
            let report = try #require(try ReportLoader.load(path: nil).report)
            let catalog = try Catalog(reports: [report], partners: partners)
            let collection = try #require(catalog.collections(for: "jp").first)
            return collection.objects.map { ($0.id, $0.dateAdded.description) }
        }
        let first = try served()
        let second = try served()
        #expect(first.map(\.0) == second.map(\.0) && first.map(\.1) == second.map(\.1))
        #expect(first.first?.1 == "2023-11-15T00:00:00.000000Z")
        #expect(first.dropFirst().first?.1 == "2023-11-15T00:00:00.001000Z")
    }

    /// A partner sees only its own collection objects; one whose recipient is not in the report sees nothing, and
    /// the collection is the same id for everyone.
    @Test func partnersSeeOnlyTheirOwnViews() throws {
        let report = try #require(try ReportLoader.load(path: nil).report)
        let catalog = try Catalog(
            reports: [report], partners: [try partner("jp", "JPN"), try partner("in", "IND"), try partner("x", "no-such-actor")])
        let japan = try #require(catalog.collections(for: "jp").first)
        let india = try #require(catalog.collections(for: "in").first)
        #expect(japan.id == india.id)
        #expect(Set(japan.objects.map(\.id)) != Set(india.objects.map(\.id)))
        #expect(catalog.collections(for: "x").isEmpty)
        #expect(catalog.collection(japan.id, for: "x") == nil)
        #expect(catalog.collections(for: "nobody").isEmpty)
    }

    /// The SQLite database is one file in WAL mode.
    @Test func sqliteStoreIsWAL() throws {
        let folder = try TemporaryFolder()
        #expect(try SQLiteStore(folder: folder.path).journalMode == "wal")
    }

    /// A changed report is noticed at the next start, by another instance as well.
    @Test(arguments: StoreKind.allCases) func storeNoticesAChangedReport(kind: StoreKind) async throws {
        let database = try await TestDatabase.make(kind)
        let store = try await database.open()
        #expect(try await store.record(collection: "c", digest: "d1", objectCount: 1, now: "t") == nil)
        #expect(try await store.record(collection: "c", digest: "d1", objectCount: 1, now: "t") == nil)
        #expect(try await database.open().record(collection: "c", digest: "d2", objectCount: 2, now: "t") == "d1")
    }
}
