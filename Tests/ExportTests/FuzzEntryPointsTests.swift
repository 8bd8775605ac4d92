import Export
import ExportDevSupport
import ExportTestSupport
import Foundation
import Testing

/// Feeds every saved fuzz input (regressions found by `Fuzz/run.sh` and the seed corpora) to the same entry
/// point the fuzz target calls, so a crash or hang the fuzzer once found fails CI if it comes back.
struct FuzzEntryPointsTests {
    /// One saved input and the target it belongs to.
    struct Input: CustomTestStringConvertible, Sendable {
        let target: String
        let url: URL
        var testDescription: String { "\(target)/\(url.lastPathComponent)" }
    }

    static let targets = ["authoring", "report-xml", "sharing", "stix21"]

    /// `Tests/Fixtures/fuzz-regressions/<target>/*` and `Fuzz/Corpus/<target>/*`.
    static func inputs(under folder: URL) -> [Input] {
        targets.flatMap { target in
            let directory = folder.appendingPathComponent(target)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            return names.filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted().map {
                Input(target: target, url: directory.appendingPathComponent($0))
            }
        }
    }

    static let regressions = inputs(under: RepositoryPaths.fixtures.appendingPathComponent("fuzz-regressions"))
    static let seeds = inputs(under: RepositoryPaths.root.appendingPathComponent("Fuzz/Corpus"))

    /// Runs the target's entry point on the input and returns the CPU time it took.
    ///
    /// CPU time of the calling thread (the entry points run on it alone), not wall-clock time: tests run in
    /// parallel on a shared machine, where an input can wait seconds for a core without doing any more work.
    static func run(_ input: Input) throws -> Duration {
        let bytes = Array(try Data(contentsOf: input.url))
        let start = threadCPUTime()
        switch input.target {
        case "authoring": FuzzEntryPoints.authoring(bytes)
        case "report-xml": FuzzEntryPoints.reportXML(bytes)
        case "stix21": FuzzEntryPoints.stix21(bytes)
        default: FuzzEntryPoints.sharing(bytes)
        }
        return threadCPUTime() - start
    }

    static func threadCPUTime() -> Duration {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return .seconds(time.tv_sec) + .nanoseconds(time.tv_nsec)
    }

    // The fuzzer's hang limit is 1 s of a release build; a debug build (also under AddressSanitizer in
    // Scripts/test.sh) gets ten: the largest seed, the whole scenario in STIX 2.1, goes through the reader, five
    // writers and three parses of the validator.
    @Test(arguments: regressions)
    func regressionInputReturnsPromptly(_ input: Input) throws {
        #expect(try Self.run(input) < .seconds(10))
    }

    @Test(arguments: seeds)
    func seedInputReturnsPromptly(_ input: Input) throws {
        #expect(try Self.run(input) < .seconds(10))
    }

    @Test func corporaAreInTheRepository() {
        for target in Self.targets {
            #expect(Self.seeds.contains { $0.target == target }, "no seeds for \(target) in Fuzz/Corpus")
        }
    }

    /// The scenario seed must get past the reader, or the sharing target would fuzz the reader only.
    @Test func scenarioSeedReachesTheSharingPolicy() throws {
        let url = RepositoryPaths.root.appendingPathComponent("Fuzz/Corpus/sharing/sample.yaml")
        let result = FuzzEntryPoints.authoring(Array(try Data(contentsOf: url)))
        #expect(result.report?.actors.isEmpty == false)
        #expect(!result.diagnostics.contains { $0.severity == .error })
    }

    /// The imported-bundle seed must reach the policy with content kept verbatim, or the sharing target would never
    /// mutate markings, granular markings and references of imported objects.
    @Test func importedBundleSeedReachesTheSharingPolicy() throws {
        let url = RepositoryPaths.root.appendingPathComponent("Fuzz/Corpus/sharing/imported-markings.json")
        let bytes = Array(try Data(contentsOf: url))
        let result = FormatDescriptor.stix21.reader!.read(bytes, "imported-markings.json", .default)
        let report = try #require(result.report, "\(result.diagnostics)")
        // Its malware fits the model (issue 22) and is decided as a model object; the rest stays verbatim.
        #expect(report.verbatimObjects.count >= 3 && report.malware.count == 1)
        let plan = SharingPolicy().plan(report, for: try Recipient.resolve("VNM", in: report))
        #expect(plan.withheld.contains { $0.kind == "malware" })
        FuzzEntryPoints.sharing(bytes)
    }

    /// The scenario's STIX 2.1 export must read back without errors, or the stix21 target would never reach the writers.
    @Test func stix21ScenarioSeedReachesTheWriters() throws {
        let url = RepositoryPaths.root.appendingPathComponent("Fuzz/Corpus/stix21/scenario-for-ind.json")
        let result = FormatDescriptor.stix21.reader!.read(Array(try Data(contentsOf: url)), "scenario-for-ind.json", .default)
        #expect(result.report?.actors.isEmpty == false)
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.map(\.rendered))")
    }
}
