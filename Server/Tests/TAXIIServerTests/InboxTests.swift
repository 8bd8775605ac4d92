import Export
import Foundation
import Testing

@testable import TAXIIServer

/// POST to the inbox over loopback, on each store: per-object status, exact duplicates as successes, every refusal with a TAXII
/// error body and nothing stored.
struct InboxTests {
    static let inbox = "/reports/collections/\(InboxCollection.id)/objects/"

    /// Two good objects and one without an id: 202, two successes and one failure, the status readable by its
    /// sender only; the same again is all successes (exact duplicates); a changed object under a stored (id,
    /// version) is a failure; another partner's submissions are its own.
    @Test(arguments: StoreKind.allCases) func aSubmissionIsStoredAndAnsweredWithItsStatus(kind: StoreKind) async throws {
        let setup = try TwoPartners()
        let report = try #require(try ReportLoader.load(path: nil).report)
        let database = try await TestDatabase.make(kind)
        let (japan, india) = (setup.japan, setup.india)
        let replies = try await withServer(report: report, partners: try setup.partners, database: database) { url in
            let http = LoopbackHTTP(url: url)
            let jp = Submission.headers("jp-ncc", japan)
            let body = Submission.envelope([
                Submission.indicator(1), Submission.indicator(2),
                #"{"type": "indicator", "spec_version": "2.1", "name": "no id"}"#,
            ])
            let first = try http.send("POST", Self.inbox, headers: jp, body: body)
            let id = first.json?["id"] as? String ?? "-"
            return [
                first, try http.send("GET", "/reports/status/\(id)/", headers: jp),
                try http.send("GET", "/reports/status/\(id)/", headers: Submission.headers("in-cert", india)),
                try http.send("POST", Self.inbox, headers: jp, body: body),
                try http.send("POST", Self.inbox, headers: jp, body: Submission.envelope([Submission.indicator(1, name: "changed")])),
                try http.send(
                    "POST", Self.inbox, headers: Submission.headers("in-cert", india),
                    body: Submission.envelope([Submission.indicator(1, name: "changed")])),
            ]
        }
        let (first, status, foreign, again, changed, other) = (replies[0], replies[1], replies[2], replies[3], replies[4], replies[5])
        #expect(first.status == 202, "\(first.text)")
        #expect(first.headers["content-type"] == "application/taxii+json;version=2.1")
        let resource = try #require(first.json)
        #expect(resource["status"] as? String == "complete")
        #expect(resource["total_count"] as? Int == 3 && resource["success_count"] as? Int == 2)
        #expect(resource["failure_count"] as? Int == 1 && resource["pending_count"] as? Int == 0)
        let failure = try #require((resource["failures"] as? [[String: Any]])?.first)
        #expect((failure["message"] as? String)?.contains("object 3") == true, "\(failure)")
        #expect(status.status == 200 && status.body == first.body)
        #expect(foreign.status == 404, "another partner's status is not found")
        #expect(again.status == 202 && again.json?["success_count"] as? Int == 2, "\(again.text)")
        #expect(again.text.contains("exact duplicate"))
        #expect(changed.status == 422 && changed.json?["http_status"] as? String == "422", "\(changed.text)")
        #expect(changed.text.contains("already sent"))
        #expect(other.status == 202, "another partner's object of the same id is its own: \(other.text)")

        let store = try await database.open()
        let stored = try await store.submittedObjects(partner: nil)
        #expect(stored.map(\.partner) == ["jp-ncc", "jp-ncc", "in-cert"])
        #expect(stored.filter { $0.partner == "jp-ncc" }.allSatisfy { !$0.object.contains("changed") })
        #expect(try await store.counts().submissions == 3)
    }

    /// Every refused request is answered with the right status and a TAXII error body, and stores nothing.
    @Test(arguments: StoreKind.allCases) func refusedSubmissionsStoreNothing(kind: StoreKind) async throws {
        let setup = try TwoPartners()
        let report = try #require(try ReportLoader.load(path: nil).report)
        let database = try await TestDatabase.make(kind)
        let japan = setup.japan
        let good = Submission.envelope([Submission.indicator(1)])
        let big = Submission.envelope((1...40).map { Submission.indicator($0) })
        let cases: [(String, Int, [(String, String)], [UInt8])] = [
            ("no credentials", 401, [("Content-Type", "application/taxii+json;version=2.1")], good),
            ("wrong password", 401, Submission.headers("jp-ncc", japan + "x"), good),
            ("unknown partner", 401, Submission.headers("nobody", japan), good),
            ("plain JSON", 415, Submission.headers("jp-ncc", japan, contentType: "application/json"), good),
            ("no content type", 415, Submission.headers("jp-ncc", japan, contentType: nil), good),
            ("TAXII 2.0", 415, Submission.headers("jp-ncc", japan, contentType: "application/taxii+json;version=2.0"), good),
            ("malformed JSON", 400, Submission.headers("jp-ncc", japan), Array("{\"objects\": [".utf8)),
            ("a list", 422, Submission.headers("jp-ncc", japan), Array("[]".utf8)),
            ("no objects", 422, Submission.headers("jp-ncc", japan), Array("{}".utf8)),
            ("empty objects", 422, Submission.headers("jp-ncc", japan), Array("{\"objects\": []}".utf8)),
            ("objects not a list", 422, Submission.headers("jp-ncc", japan), Array("{\"objects\": {}}".utf8)),
            ("an extra member", 422, Submission.headers("jp-ncc", japan), Array("{\"objects\": [], \"x\": 1}".utf8)),
            ("no good object", 422, Submission.headers("jp-ncc", japan),
             Array(#"{"objects": [1, {"type": "bundle", "id": "bundle--8e2e2d2b-17d4-4cbf-938f-000000000001"}]}"#.utf8)),
            ("a huge number", 422, Submission.headers("jp-ncc", japan),
             Submission.envelope([Submission.indicator(3).replacingOccurrences(of: "\"name\"", with: "\"x_n\": 1e999, \"name\"")])),
            ("too large", 413, Submission.headers("jp-ncc", japan), big),
        ]
        let replies = try await withServer(
            report: report, partners: try setup.partners, database: database, maxContentLength: 4096
        ) { url in
            let http = LoopbackHTTP(url: url)
            var replies = try cases.map { try http.send("POST", Self.inbox, headers: $0.2, body: $0.3) }
            // Too large without a Content-Length: the body is cut off at the limit while it is read.
            let chunk = String(big.count, radix: 16) + "\r\n" + String(decoding: big, as: UTF8.self) + "\r\n0\r\n\r\n"
            replies.append(try http.send(
                "POST", Self.inbox, headers: Submission.headers("jp-ncc", japan) + [("Transfer-Encoding", "chunked")],
                body: Array(chunk.utf8)))
            return replies
        }
        for (index, reply) in replies.enumerated() {
            let (name, expected) = index < cases.count ? (cases[index].0, cases[index].1) : ("chunked too large", 413)
            #expect(reply.status == expected, "\(name): \(reply.raw.prefix(300))")
            #expect(reply.headers["content-type"] == "application/taxii+json;version=2.1", "\(name)")
            #expect(reply.json?["http_status"] as? String == String(expected), "\(name): \(reply.text)")
        }
        #expect(try await database.open().counts() == (0, 0))
    }

    /// The inbox is listed for every partner as write-only: reading it is 403, as is DELETE; a report's collection
    /// takes no POST (403), and a collection the partner cannot see is 404.
    @Test func theInboxIsWriteOnlyAndReportsAreReadOnly() async throws {
        let setup = try TwoPartners()
        let report = try #require(try ReportLoader.load(path: nil).report)
        let japan = setup.japan
        let collection = try #require(try Catalog(reports: [report], partners: try setup.partners).collectionIDs.first)
        let replies = try await withServer(report: report, partners: try setup.partners) { url in
            let http = LoopbackHTTP(url: url)
            let jp = Submission.headers("jp-ncc", japan)
            let body = Submission.envelope([Submission.indicator(1)])
            return [
                try http.send("GET", Self.inbox, headers: jp), try http.send("GET", Self.inbox.dropLast(8) + "manifest/", headers: jp),
                try http.send("GET", Self.inbox + Submission.id(1) + "/", headers: jp),
                try http.send("DELETE", Self.inbox + Submission.id(1) + "/", headers: jp),
                try http.send("POST", "/reports/collections/\(collection)/objects/", headers: jp, body: body),
                try http.send("POST", "/reports/collections/8e2e2d2b-17d4-4cbf-938f-000000000009/objects/", headers: jp, body: body),
                try http.send("GET", "/reports/collections/\(InboxCollection.id)/", headers: jp),
            ]
        }
        #expect(replies.prefix(5).map(\.status) == [403, 403, 403, 403, 403], "\(replies.map(\.text))")
        #expect(replies[5].status == 404)
        #expect(replies[6].json?["can_write"] as? Bool == true && replies[6].json?["can_read"] as? Bool == false)
    }
}
