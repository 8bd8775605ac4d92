import Export
import Foundation
import Synchronization
import Testing

@testable import TAXIIServer

/// Several `exportctl-serve` instances on one PostgreSQL database, as behind a load balancer: whatever goes in
/// through one is what the other answers, with no object lost or doubled.
@Suite(.serialized) struct ScaleOutTests {
    static let inbox = "/reports/collections/\(InboxCollection.id)/objects/"

    /// A client writes through instance A and reads through instance B: every status A acknowledged is B's, byte
    /// for byte; a second client sending the same objects through B at the same time as A's is told "exact
    /// duplicate" for what A stored first; `submissions` lists every object once; and paging a collection through
    /// B with small pages gives every object exactly once, as A gives it.
    @Test func writesThroughOneInstanceAreReadThroughTheOther() async throws {
        let setup = try TwoPartners()
        let database = try await TestDatabase.make(.postgres)
        let jp = Submission.headers("jp-ncc", setup.japan)
        let envelopes = (0..<10).map { batch in Submission.envelope((0..<20).map { Submission.indicator(batch * 20 + $0) }) }
        let report = try #require(try ReportLoader.load(path: nil).report)
        let collection = try #require(try Catalog(reports: [report], partners: try setup.partners).collectionIDs.first)
        let result = try await offPool {
            let (a, b) = (try ServeProcess(partners: setup.file, storage: database.serveArguments),
                          try ServeProcess(partners: setup.file, storage: database.serveArguments))
            defer { a.kill(); b.kill() }
            let (httpA, httpB) = (LoopbackHTTP(url: a.url), LoopbackHTTP(url: b.url))
            // Two writers at once, one per instance, the same envelopes in opposite orders.
            let viaB = Mutex<[LoopbackHTTP.Reply]>([])
            let writer = Thread { for body in envelopes.reversed() { if let reply = try? httpB.send("POST", Self.inbox, headers: jp, body: body) { viaB.withLock { $0.append(reply) } } } }
            writer.start()
            let viaA = try envelopes.map { try httpA.send("POST", Self.inbox, headers: jp, body: $0) }
            while !writer.isFinished { Thread.sleep(forTimeInterval: 0.01) }
            let statuses = try viaA.map { reply in
                try httpB.send("GET", "/reports/status/\(reply.json?["id"] as? String ?? "-")/", headers: jp)
            }
            let pagedA = try Self.page(httpA, collection: collection, headers: jp)
            let pagedB = try Self.page(httpB, collection: collection, headers: jp)
            let listed = try ServeProcess.run(["submissions"] + database.serveArguments).split(separator: "\n")
            return (viaA, viaB.withLock { $0 }, statuses, pagedA, pagedB, listed)
        }
        let (viaA, viaB, statuses, pagedA, pagedB, listed) = result
        #expect(viaA.allSatisfy { $0.status == 202 } && viaB.count == 10 && viaB.allSatisfy { $0.status == 202 },
                "\(viaA.map(\.status)) \(viaB.map(\.status))")
        for (posted, read) in zip(viaA, statuses) {
            #expect(read.status == 200 && read.body == posted.body, "B does not answer A's status: \(read.text)")
        }
        // Each of the 200 objects was stored once, by whichever request came first; every other copy was a duplicate.
        let messages = (viaA + viaB).flatMap { ($0.json?["successes"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String } }
        #expect(messages.filter { $0 == "stored" }.count == 200)
        #expect(messages.filter { $0.contains("exact duplicate") }.count == 200)
        #expect(listed.count == 200)
        let ids = listed.compactMap { line in Self.submittedID(String(line)) }
        #expect(Set(ids).count == 200 && Set(ids) == Set((0..<200).map(Submission.id)))
        #expect(!pagedB.isEmpty && pagedB == pagedA && Set(pagedB).count == pagedB.count)
    }

    /// Two stores on one database submitting overlapping envelopes concurrently: no request fails on a key that
    /// the other stored a moment earlier, and every object is stored exactly once.
    @Test func concurrentSubmissionsThroughTwoStoresStoreEachObjectOnce() async throws {
        let database = try await TestDatabase.make(.postgres)
        let stores = [try await database.open(), try await database.open()]
        let results = try await withThrowingTaskGroup(of: SubmissionStatus.self) { group in
            for request in 0..<16 {
                let store = stores[request % 2]
                // Requests 2k and 2k+1 send the same 10 objects, through different stores.
                let body = Submission.envelope((0..<10).map { Submission.indicator(request / 2 * 5 + $0) })
                group.addTask {
                    try await store.submit(
                        try InboxEnvelope(body), partner: "jp", statusID: "s\(request)",
                        receivedAt: "2026-01-01T00:00:00.000000Z"
                    ).status
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 16 && results.allSatisfy { $0.failures.isEmpty })
        #expect(results.flatMap(\.successes).filter { $0.message == "stored" }.count == 45)
        #expect(try await stores[0].counts() == (16, 45))
    }

    /// Every object id of a collection, following `next` with pages of 7.
    private static func page(_ http: LoopbackHTTP, collection: String, headers: [(String, String)]) throws -> [String] {
        var ids: [String] = []
        var next: String?
        repeat {
            let query = "limit=7" + (next.map { "&next=\($0)" } ?? "")
            let reply = try http.send("GET", "/reports/collections/\(collection)/objects/?\(query)", headers: headers)
            guard reply.status == 200 else { throw LoopbackHTTP.Failure(description: "\(reply.status): \(reply.text)") }
            ids += (reply.json?["objects"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            next = reply.json?["next"] as? String
        } while next != nil && ids.count < 100_000
        return ids
    }

    private static func submittedID(_ line: String) -> String? {
        let parsed = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        return (parsed?["object"] as? [String: Any])?["id"] as? String
    }
}
