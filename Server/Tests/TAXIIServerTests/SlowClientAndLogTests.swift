import Export
import Foundation
import Testing

@testable import TAXIIServer

#if canImport(Glibc)
    import Glibc
#endif

/// A client that trickles bytes is cut off by the read timeout; credentials never reach the access log.
struct SlowClientAndLogTests {
    /// With a 1 s read timeout, a client trickling a POST body (or its headers) one byte every 100 ms is
    /// disconnected within a few seconds, though it keeps sending; a prompt request still gets through.
    @Test(arguments: [true, false])
    func aTricklingClientIsCutOff(tricklesBody: Bool) async throws {
        let setup = try TwoPartners()
        let report = try #require(try ReportLoader.load(path: nil).report)
        let japan = setup.japan
        let (seconds, prompt) = try await withServer(
            report: report, partners: try setup.partners, readTimeout: .seconds(1)
        ) { url in
            let http = LoopbackHTTP(url: url)
            let socket = try http.connect()
            defer { close(socket) }
            var head = "POST /reports/collections/\(InboxCollection.id)/objects/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            head += "Authorization: \(LoopbackHTTP.basic("jp-ncc", japan))\r\n"
            head += "Content-Type: application/taxii+json;version=2.1\r\nContent-Length: 1000\r\n\r\n"
            let started = Date()
            let trickled: [UInt8] = tricklesBody ? Array(repeating: UInt8(ascii: " "), count: 1000) : Array(head.utf8)
            if tricklesBody { try http.write(socket, Array(head.utf8)) }
            var buffer = [UInt8](repeating: 0, count: 4096)
            for byte in trickled {
                Thread.sleep(forTimeInterval: 0.1)
                guard try http.write(socket, [byte]) else { break }
                // A closed connection reads as end of file (or an error) without waiting.
                let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
                if count == 0 || (count < 0 && errno != EAGAIN && errno != EWOULDBLOCK) { break }
                if Date().timeIntervalSince(started) > 20 { break }
            }
            let seconds = Date().timeIntervalSince(started)
            return (seconds, try http.send("GET", "/taxii2/", headers: [("Authorization", LoopbackHTTP.basic("jp-ncc", japan))]))
        }
        #expect(seconds < 5, "the trickling client was still connected after \(seconds) s")
        #expect(prompt.status == 200)
    }

    /// The access log has one line per request, 401s included, and no password, no Authorization header and no
    /// Base64 of either, whatever the request: right, wrong or unknown credentials, reads and submissions.
    @Test func credentialsNeverReachTheLog() async throws {
        let setup = try TwoPartners()
        let report = try #require(try ReportLoader.load(path: nil).report)
        let (japan, india) = (setup.japan, setup.india)
        let log = LogCapture()
        let secrets = [japan, india, japan + "x", "Hunter2-not-a-partner"]
        let headers = [
            LoopbackHTTP.basic("jp-ncc", japan), LoopbackHTTP.basic("in-cert", india),
            LoopbackHTTP.basic("jp-ncc", japan + "x"), LoopbackHTTP.basic("nobody", "Hunter2-not-a-partner"),
        ]
        try await withServer(report: report, partners: try setup.partners, log: log) { url in
            let http = LoopbackHTTP(url: url)
            for header in headers {
                let auth = [("Authorization", header), ("Content-Type", "application/taxii+json;version=2.1")]
                _ = try http.send("GET", "/reports/collections/", headers: auth)
                _ = try http.send("GET", "/reports/collections/\(InboxCollection.id)/objects/", headers: auth)
                _ = try http.send(
                    "POST", "/reports/collections/\(InboxCollection.id)/objects/", headers: auth,
                    body: Submission.envelope([Submission.indicator(1)]))
            }
        }
        let lines = log.lines
        #expect(lines.filter { $0.contains(" request ") }.count == 12)
        #expect(lines.contains { $0.contains("status=401") } && lines.contains { $0.contains(" submission ") })
        for secret in secrets {
            #expect(!lines.contains { $0.contains(secret) }, "a password reached the log")
        }
        for header in headers {
            let encoded = String(header.split(separator: " ").last ?? "")
            #expect(!lines.contains { $0.contains(encoded) || $0.contains(header) }, "an Authorization header reached the log")
        }
    }
}
