import Export
import Foundation
import Logging
import TAXIIServer
import Testing

/// The server driven by taxii2-client (Tests/oracles/taxii_client.py) over loopback, on the built-in sample.
struct TAXIIServerClientTests {
    /// A partner reads exactly the objects `exportctl export --for R` writes, page by page, each once; another
    /// partner's view and a withheld object stay out of reach; wrong or missing credentials get 401; a submission
    /// to the inbox comes back with its status.
    @Test(arguments: [("jp-ncc", "JPN"), ("in-cert", "IND")])
    func partnerReadsExactlyItsExportThroughTaxii2Client(partner: String, recipient: String) async throws {
        let report = try #require(try ReportLoader.load(path: nil).report)
        let folder = try TemporaryFolder()
        let partnersFile = folder.path + "/partners.yaml"
        var passwords: [String: String] = [:]
        for (name, code) in [("jp-ncc", "JPN"), ("in-cert", "IND")] {
            passwords[name] = try PartnersFile.add(name: name, recipient: code, to: partnersFile, cost: 4)
        }
        let password = try #require(passwords[partner])
        let partners = try PartnersFile.read(partnersFile)

        let mine = try bundleIDs(report, for: recipient, writingTo: folder.path + "/mine.json")
        let japan = try bundleIDs(report, for: "JPN", writingTo: folder.path + "/JPN.json")
        let india = try bundleIDs(report, for: "IND", writingTo: folder.path + "/IND.json")
        #expect(japan != india, "the two partners' views differ, so reading the wrong one would show")
        let everything = try bundleIDs(report, for: nil, writingTo: folder.path + "/all.json")
        let withheld = try #require(everything.subtracting(mine).sorted().first, "the sample withholds something")

        let envelope = folder.path + "/envelope.json"
        try Data(Submission.envelope([Submission.indicator(1), Submission.indicator(2), "{\"type\": \"indicator\"}"]))
            .write(to: URL(fileURLWithPath: envelope))

        let maxPageSize = 7
        let log = LogCapture()
        let output = try await withServer(report: report, partners: partners, maxPageSize: maxPageSize, log: log) { url in
            try Oracle.run([
                "taxii_client.py", url, partner, password, "--bundle", folder.path + "/mine.json",
                "--withheld", withheld, "--per-request", "3", "--over-limit", "100", "--submit", envelope,
            ])
        }
        let result = try Oracle.object(output)
        // One access-log line per request, none with a password (the right one, or the wrong one the oracle sends).
        let requests = log.lines.filter { $0.contains(" request ") }
        #expect(requests.count > 20 && requests.contains { $0.contains("status=401") }, "\(log.lines.prefix(5))")
        #expect(requests.allSatisfy { $0.contains("partner=") && $0.contains("path=") })
        #expect(!log.lines.contains { $0.contains(password) }, "a password reached the log")
        let expected = try #require(result["expected_ids"] as? [String])
        #expect(Set(expected) == mine)
        let collections = try #require(result["collections"] as? [[String: Any]])
        // The report, then the write-only inbox.
        #expect(collections.count == 2)
        #expect(collections.first?["can_read"] as? Bool == true)
        #expect(collections.first?["can_write"] as? Bool == false)
        #expect(collections.last?["can_read"] as? Bool == false)
        #expect(collections.last?["can_write"] as? Bool == true)

        // Every object exactly once, in pages no larger than asked, and the same set as the export.
        let pages = try #require(result["pages"] as? [[String]])
        #expect(pages.allSatisfy { $0.count <= 3 })
        #expect(pages.flatMap { $0 }.count == expected.count)
        #expect(pages.flatMap { $0 } == expected)
        let manifest = try #require(result["manifest_pages"] as? [[String]])
        #expect(manifest.flatMap { $0 } == expected)
        #expect(!pages.flatMap { $0 }.contains(withheld))

        #expect(result["withheld_status"] as? Int == 404)
        #expect(result["wrong_password_status"] as? Int == 401)
        #expect(result["no_credentials_status"] as? Int == 401)
        let over = try #require(result["over_limit"] as? [String: Any])
        #expect(over["count"] as? Int == maxPageSize)
        #expect(over["more"] as? Bool == true)
        #expect(over["has_next"] as? Bool == true)
        #expect((result["versions"] as? [String])?.count == 1)
        #expect((result["object"] as? [String])?.count == 1)
        #expect((result["type_filter"] as? [String])?.isEmpty == false)
        // Object for object, byte for byte as JSON values: what the partner pulls is what the export writes.
        #expect(result["objects_differing_from_export"] as? [String] == [])

        // taxii2-client's add_objects twice and get_status: two stored and one refused, then all three again with
        // the two as exact duplicates (successes), and the first status as it was.
        let submissions = try #require(result["submissions"] as? [[String: Any]])
        #expect(submissions.count == 3)
        for submission in submissions {
            #expect(submission["status"] as? String == "complete")
            #expect(submission["total_count"] as? Int == 3 && submission["success_count"] as? Int == 2)
            #expect(submission["failure_count"] as? Int == 1 && submission["pending_count"] as? Int == 0)
        }

        let edges = try #require(result["edge_cases"] as? [String: [String: Any]])
        let expectedStatus = [
            "accept_without_version": 200, "accept_any": 200, "accept_browser": 200, "accept_html": 406,
            "date_only_added_after": 400, "malformed_added_after": 400, "limit_zero": 400,
        ]
        for (name, status) in expectedStatus {
            #expect(edges[name]?["status"] as? Int == status, "\(name)")
            #expect(edges[name]?["json"] as? Bool == true, "\(name): a TAXII JSON body")
            #expect(edges[name]?["content_type"] as? String == "application/taxii+json;version=2.1", "\(name)")
        }
    }

    /// The ids of the STIX 2.1 bundle `exportctl export --for RECIPIENT` writes (everything when `nil`).
    private func bundleIDs(_ report: ThreatReport, for recipient: String?, writingTo path: String) throws -> Set<String> {
        let view = try recipient.map { try SharingPolicy().view(report, for: Recipient.resolve($0, in: report)).view }
            ?? ReleasedReport(everythingIn: report)
        var sink: any ByteSink = MemorySink()
        _ = try #require(FormatDescriptor.stix21.writer).write(view, options: .default, to: &sink)
        let bytes = try #require(sink as? MemorySink).bytes
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let bundle = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let objects = try #require(bundle["objects"] as? [[String: Any]])
        return Set(objects.compactMap { $0["id"] as? String })
    }
}
