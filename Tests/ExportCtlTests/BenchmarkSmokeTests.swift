import ExportTestSupport
import Foundation
import Testing

/// `Benchmarks/run.sh --smoke`: the benchmark command works end to end at N=300 on the debug binary, every tool
/// (exportctl and each anchor) runs and exits 0, and every tool's output has exportctl's object count; the same on
/// a small IOC-heavy corpus, whose re-export once lost a marking definition this count caught.
/// Timings are never checked here: CI machines are too noisy for that, RESULTS.md is where they live.
struct BenchmarkSmokeTests {
    /// The pairs and tools a smoke run must measure, by pair.
    static let expectedTools: [String: Set<String>] = [
        "generate": ["exportctl corpus"],
        "export-stix21": ["exportctl", "python-stix2", "orjson"],
        "reexport-stix21": ["exportctl", "python-stix2 parse"],
        "validate-stix21": ["exportctl", "stix2-validator"],
        "export-stix12": ["exportctl --no-validate", "python-stix", "lxml"],
        "xsd-report-xml": ["exportctl", "xmllint"],
        // The IOC corpus (--iocs 200): the same STIX 2.1 pairs, and exportctl alone in the other formats.
        "export-misp": ["exportctl --no-validate"],
        "export-report-xml": ["exportctl --no-validate"],
    ]

    @Test(.timeLimit(.minutes(5)))
    func smokeRunMeasuresEveryPairWithMatchingCounts() throws {
        let folder = try RepositoryPaths.makeTemporaryDirectory()
        let results = folder.appendingPathComponent("results.jsonl")
        var environment = ProcessInfo.processInfo.environment
        environment["EXPORTCTL_PYTHON"] = Oracle.python
        let run = try ProcessRunner.run(
            RepositoryPaths.root.appendingPathComponent("Benchmarks/run.sh").path,
            ["--smoke", "--exportctl", RepositoryPaths.exportctl.path, "--results", results.path],
            environment: environment, currentDirectory: RepositoryPaths.root)
        #expect(run.status == 0, "\(run.errors.suffix(3_000))")

        let rows = try String(contentsOf: results, encoding: .utf8).split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        let runs = rows.filter { $0["kind"] as? String == "run" }
        var seen: [String: Set<String>] = [:]
        for row in runs {
            let pair = try #require(row["pair"] as? String)
            let tool = try #require(row["tool"] as? String)
            seen[pair, default: []].insert(tool)
            #expect(row["exit"] as? Int == 0, "\(pair) \(tool) failed: \(row["stderr_tail"] ?? "")")
            #expect(row["count_ok"] as? Bool != false, "\(pair) \(tool) wrote \(row["count"] ?? "?") objects")
            if pair.hasSuffix("stix21"), pair != "validate-stix21" {
                #expect((row["count"] as? Int ?? 0) > 300, "\(pair) \(tool): the bundle has more objects than N")
            }
            if pair == "export-stix12", row["size"] is Int {
                #expect((row["count"] as? Int ?? 0) > 100, "\(pair) \(tool) output was not counted")
            }
            #expect((row["max_rss_kb"] as? Int ?? 0) > 0 && row["wall_s"] is Double, "\(pair) \(tool) has no timings")
        }
        #expect(seen == Self.expectedTools)
        #expect(runs.contains { $0["size"] as? String == "ioc-200" && $0["pair"] as? String == "reexport-stix21" })
        #expect(rows.first?["kind"] as? String == "machine")
        #expect(!rows.contains { $0["kind"] as? String == "skip" }, "no anchor may be skipped at N=300")
    }
}
