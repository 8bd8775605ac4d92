import Export
import Foundation
import Testing

@testable import TAXIIServer

#if canImport(Glibc)
    import Glibc
#endif

/// Attacks on the server over loopback: no credentials, another partner's credentials, slow clients, and the log.
struct SecurityTests {
    /// Every endpoint, as (method, path); `{c}` is the report's collection id.
    static let endpoints: [(String, String)] = [
        ("GET", "/taxii2/"), ("GET", "/reports/"), ("GET", "/reports/status/8e2e2d2b-17d4-4cbf-938f-000000000001/"),
        ("GET", "/reports/collections/"), ("GET", "/reports/collections/{c}/"), ("GET", "/reports/collections/{c}/objects/"),
        ("GET", "/reports/collections/{c}/manifest/"), ("GET", "/reports/collections/{c}/objects/{o}/"),
        ("GET", "/reports/collections/{c}/objects/{o}/versions/"), ("DELETE", "/reports/collections/{c}/objects/{o}/"),
        ("POST", "/reports/collections/{c}/objects/"), ("POST", "/reports/collections/\(InboxCollection.id)/objects/"),
        ("GET", "/no/such/path/"),
    ]

    /// Without credentials, with a wrong password or an unknown name, every endpoint (and a path that does not
    /// exist) is 401 with `WWW-Authenticate` and a TAXII error body, and nothing is stored.
    @Test func everyEndpointWithoutValidCredentialsIs401() async throws {
        let setup = try TwoPartners()
        let report = try #require(try ReportLoader.load(path: nil).report)
        let data = setup.folder.path + "/data"
        let catalog = try Catalog(reports: [report], partners: try setup.partners)
        let collection = try #require(catalog.collections(for: "jp-ncc").first)
        let object = try #require(collection.objects.first?.id)
        let japan = setup.japan
        let credentials: [[(String, String)]] = [
            [], [("Authorization", LoopbackHTTP.basic("jp-ncc", japan + "x"))],
            [("Authorization", LoopbackHTTP.basic("nobody", japan))], [("Authorization", "Bearer " + japan)],
        ]
        let replies = try await withServer(report: report, partners: try setup.partners, dataFolder: data) { url in
            let http = LoopbackHTTP(url: url)
            return try Self.endpoints.flatMap { method, template in
                let path = template.replacingOccurrences(of: "{c}", with: collection.id).replacingOccurrences(of: "{o}", with: object)
                return try credentials.map { headers in
                    let body = method == "POST" ? Submission.envelope([Submission.indicator(1)]) : nil
                    let reply = try http.send(
                        method, path, headers: headers + [("Content-Type", "application/taxii+json;version=2.1")], body: body)
                    return ("\(method) \(path) \(headers.first?.1.prefix(6) ?? "none")", reply)
                }
            }
        }
        #expect(replies.count == Self.endpoints.count * credentials.count)
        for (name, reply) in replies {
            #expect(reply.status == 401, "\(name): \(reply.raw.prefix(200))")
            #expect(reply.headers["www-authenticate"]?.hasPrefix("Basic realm=") == true, "\(name)")
            #expect(reply.json?["http_status"] as? String == "401", "\(name)")
            #expect(!reply.text.contains(collection.id) && !reply.text.contains(object), "\(name): a 401 names nothing")
        }
        #expect(try await SQLiteStore(folder: data).counts() == (0, 0))
    }

    /// With tokens planted in every name and piece of evidence of the sample, each partner asks every endpoint
    /// for everything, including the other partner's objects by id, and no response carries a token or an id of
    /// an object only the other partner may see; the other partner's own reads show its tokens (the control).
    @Test(arguments: [("jp-ncc", "in-cert"), ("in-cert", "jp-ncc")])
    func noByteOfAnotherPartnersViewReachesAPartner(reader: String, other: String) async throws {
        let setup = try TwoPartners()
        let report = try PlantedSample.load(into: setup.folder.path)
        let catalog = try Catalog(reports: [report], partners: try setup.partners)
        let mine = try #require(catalog.collections(for: reader).first)
        let theirs = try #require(catalog.collections(for: other).first)
        let text = { (collection: ServedCollection) in collection.objects.map { String(decoding: $0.bytes, as: UTF8.self) }.joined() }
        let exclusiveTokens = PlantedSample.tokens(in: text(theirs)).subtracting(PlantedSample.tokens(in: text(mine)))
        let exclusiveIDs = Set(theirs.objects.map(\.id)).subtracting(mine.objects.map(\.id))
        #expect(!exclusiveTokens.isEmpty && !exclusiveIDs.isEmpty, "the two views differ in planted tokens")
        let (password, otherPassword) = (setup.passwords[reader] ?? "", setup.passwords[other] ?? "")

        let (seen, control) = try await withServer(report: report, partners: try setup.partners) { url in
            let http = LoopbackHTTP(url: url)
            let me = [("Authorization", LoopbackHTTP.basic(reader, password))]
            let base = "/reports/collections/\(mine.id)/"
            var paths = ["/taxii2/", "/reports/", "/reports/collections/", base, base + "objects/", base + "manifest/",
                         base + "objects/?match[version]=all", base + "objects/?match[id]=" + exclusiveIDs.sorted().joined(separator: ",")]
            for id in exclusiveIDs.sorted() { paths += [base + "objects/\(id)/", base + "objects/\(id)/versions/"] }
            var seen = try paths.map { try http.send("GET", $0, headers: me).raw }
            let posted = try http.send(
                "POST", "/reports/collections/\(InboxCollection.id)/objects/",
                headers: me + [("Content-Type", "application/taxii+json;version=2.1")],
                body: Submission.envelope([Submission.indicator(7)]))
            seen.append(posted.raw)
            seen.append(try http.send("GET", "/reports/status/\(posted.json?["id"] as? String ?? "-")/", headers: me).raw)
            let control = try http.send("GET", base.replacingOccurrences(of: mine.id, with: theirs.id) + "objects/",
                                        headers: [("Authorization", LoopbackHTTP.basic(other, otherPassword))]).raw
            return (seen.joined(separator: "\n"), control)
        }
        let leaked = PlantedSample.tokens(in: seen).intersection(exclusiveTokens)
        #expect(leaked.isEmpty, "\(reader) saw tokens of objects only \(other) may see: \(leaked.sorted())")
        #expect(exclusiveIDs.filter { seen.contains($0) }.isEmpty, "\(reader) saw ids only \(other) may see")
        #expect(!PlantedSample.tokens(in: control).intersection(exclusiveTokens).isEmpty, "the control reads its own tokens")
    }
}
