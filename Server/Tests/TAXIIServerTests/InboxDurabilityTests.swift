import Foundation
import Synchronization
import Testing

@testable import TAXIIServer

/// The inbox across restarts and kills of the real `exportctl-serve` process, on each store: what was acknowledged
/// stays, and no request is ever half stored.
@Suite(.serialized) struct InboxDurabilityTests {
    static let inbox = "/reports/collections/\(InboxCollection.id)/objects/"

    /// POST, SIGKILL, restart: the status and the objects are still there, a re-POST is all duplicates, and
    /// `exportctl-serve submissions` lists what was sent.
    @Test(arguments: StoreKind.allCases) func submissionsSurviveARestart(kind: StoreKind) async throws {
        let setup = try TwoPartners()
        let database = try await TestDatabase.make(kind)
        let jp = Submission.headers("jp-ncc", setup.japan)
        let body = Submission.envelope([Submission.indicator(1), Submission.indicator(2)])
        let (posted, status, again, listed) = try await offPool {
            let first = try ServeProcess(partners: setup.file, storage: database.serveArguments)
            let posted = try LoopbackHTTP(url: first.url).send("POST", Self.inbox, headers: jp, body: body)
            first.kill()
            let second = try ServeProcess(partners: setup.file, storage: database.serveArguments)
            let http = LoopbackHTTP(url: second.url)
            let id = posted.json?["id"] as? String ?? "-"
            let status = try http.send("GET", "/reports/status/\(id)/", headers: jp)
            let again = try http.send("POST", Self.inbox, headers: jp, body: body)
            second.kill()
            let listed = try ServeProcess.run(["submissions"] + database.serveArguments).split(separator: "\n")
            return (posted, status, again, listed)
        }
        #expect(posted.status == 202, "\(posted.text)")
        let id = try #require(posted.json?["id"] as? String)
        #expect(status.status == 200 && status.body == posted.body)
        #expect(again.json?["success_count"] as? Int == 2 && again.text.contains("exact duplicate"), "\(again.text)")
        #expect(listed.count == 2)
        #expect(listed.allSatisfy { $0.contains("\"partner\":\"jp-ncc\"") && $0.contains("\"status_id\":\"\(id)\"") })
        #expect(listed.first?.contains(Submission.id(1)) == true)
    }

    /// A client POSTs envelopes of 20 objects back to back while the server is SIGKILLed: after a restart every
    /// acknowledged object is stored, and every stored request is whole (its objects are exactly its successes).
    @Test(arguments: StoreKind.allCases) func aKillDuringPostsLosesNoAcknowledgedObjectAndHalfStoresNone(
        kind: StoreKind
    ) async throws {
        let setup = try TwoPartners()
        let database = try await TestDatabase.make(kind)
        let jp = Submission.headers("jp-ncc", setup.japan)
        let acks = try await offPool { try Self.postWhileKilled(setup: setup, database: database, headers: jp) }
        #expect(acks.count >= 5)

        let store = try await database.open()
        let stored = try await store.submittedObjects(partner: nil)
        let byRequest = Dictionary(grouping: stored, by: \.statusID)
        for (id, ids) in acks {
            #expect(Set(byRequest[id]?.map { Self.stixID($0.object) } ?? []) == Set(ids), "acknowledged \(id) lost objects")
        }
        for (id, objects) in byRequest {
            #expect(objects.count == 20, "request \(id) half stored: \(objects.count) of 20")
        }
        #expect(try await store.counts().submissions == byRequest.count)
        // A restart opens the database the kill left behind.
        let status = try await offPool {
            let restarted = try ServeProcess(partners: setup.file, storage: database.serveArguments)
            defer { restarted.kill() }
            return try LoopbackHTTP(url: restarted.url).send(
                "GET", "/reports/status/\(acks.keys.first ?? "-")/", headers: jp)
        }
        #expect(status.status == 200)
    }

    /// Sends envelopes of 20 until the server dies, killing it once five were acknowledged; returns the
    /// acknowledged requests' status ids and object ids.
    private static func postWhileKilled(setup: TwoPartners, database: TestDatabase, headers: [(String, String)]) throws
        -> [String: [String]]
    {
        let server = try ServeProcess(partners: setup.file, storage: database.serveArguments)
        let http = LoopbackHTTP(url: server.url)
        let acknowledged = Mutex<[String: [String]]>([:])
        let done = Mutex(false)
        let sender = Thread {
            var serial = 0
            while !done.withLock({ $0 }) {
                let ids = (serial..<serial + 20).map(Submission.id)
                let body = Submission.envelope((serial..<serial + 20).map { Submission.indicator($0) })
                serial += 20
                guard let reply = try? http.send("POST", Self.inbox, headers: headers, body: body) else { break }
                if reply.status == 202, let id = reply.json?["id"] as? String { acknowledged.withLock { $0[id] = ids } }
            }
            done.withLock { $0 = true }
        }
        sender.start()
        // Kill once a few requests were acknowledged, with the sender still going.
        for _ in 0..<200 where acknowledged.withLock({ $0.count }) < 5 { Thread.sleep(forTimeInterval: 0.05) }
        server.kill()
        for _ in 0..<200 where !done.withLock({ $0 }) { Thread.sleep(forTimeInterval: 0.05) }
        done.withLock { $0 = true }
        return acknowledged.withLock { $0 }
    }

    private static func stixID(_ object: String) -> String {
        let parsed = (try? JSONSerialization.jsonObject(with: Data(object.utf8))) as? [String: Any]
        return parsed?["id"] as? String ?? ""
    }
}
