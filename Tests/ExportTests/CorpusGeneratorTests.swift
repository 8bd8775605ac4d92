import Export
import ExportDevSupport
import ExportTestSupport
import Foundation
import Testing

/// The benchmark corpus generator: deterministic, exactly the requested size, valid, and the mix it promises.
struct CorpusGeneratorTests {
    @Test(arguments: [100, 1_000, 7_777])
    func describesExactlyTheRequestedObjects(objects: Int) {
        let report = CorpusGenerator(objects: objects, seed: 3).report()
        #expect(CorpusGenerator.describedObjectCount(of: report) == objects)
    }

    @Test func sameSeedSameReportOtherSeedOtherReport() {
        let first = CorpusGenerator(objects: 2_000, seed: 42).report()
        #expect(first == CorpusGenerator(objects: 2_000, seed: 42).report())
        #expect(first != CorpusGenerator(objects: 2_000, seed: 43).report())
    }

    @Test func passesTheReportChecksWithoutWarnings() {
        let report = CorpusGenerator(objects: 20_000, seed: 7).report()
        let issues = ReportChecks.check(report)
        #expect(issues.isEmpty, "\(issues.prefix(5).map { "\($0.path): \($0.message)" })")
    }

    @Test func hasTheRealisticMix() throws {
        let report = CorpusGenerator(objects: 10_000, seed: 1).report()
        let bundle = try STIX21WriterTests.bundle(report)
        let objects = try #require(try LocatedJSONReader.read(bundle).value["objects"]?.arrayValue)
        let types = Dictionary(grouping: objects.compactMap { $0["type"]?.stringValue }, by: { $0 }).mapValues(\.count)
        let share = Double(types["relationship"] ?? 0) / Double(objects.count)
        #expect(share > 0.27 && share < 0.33, "relationships are \(share) of the bundle")
        for type in ["identity", "threat-actor", "intrusion-set", "campaign", "incident", "location", "report"] {
            #expect((types[type] ?? 0) > 0, "no \(type)")
        }
        let kinds = Set(report.actors.map(\.kind))
        #expect(kinds == Set(ActorKind.allCases))
        let marked = objects.filter { ($0["object_marking_refs"]?.arrayValue?.count ?? 0) == 2 }
        #expect(marked.count > objects.count / 20, "too few objects with a releasable-to marking")
        #expect(objects.contains { $0["relationship_type"]?.stringValue == "part-of" })
    }

    /// The object-count check the benchmark relies on: the report lists every object written, and only the
    /// shared country locations (unmarked) are not described objects.
    @Test func bundleListsTheDescribedObjectsPlusSharedCountries() throws {
        let report = CorpusGenerator(objects: 3_000, seed: 5).report()
        let objects = try #require(
            try LocatedJSONReader.read(STIX21WriterTests.bundle(report)).value["objects"]?.arrayValue)
        let listed = try #require(objects.first { $0["type"]?.stringValue == "report" }?["object_refs"]?.arrayValue)
        let countries = objects.filter { $0["type"]?.stringValue == "location" && $0["object_marking_refs"] == nil }
        #expect(listed.count - countries.count == 3_000)
        #expect(objects.count - 3_000 < 100, "the shared objects are a small fixed overhead")
    }

    @Test func streamedJSONIsTheCanonicalDocumentAndReadsBack() throws {
        let report = CorpusGenerator(objects: 1_500, seed: 9).report()
        var sink = MemorySink()
        try report.writeAuthoringJSON(to: &sink)
        #expect(sink.bytes == CanonicalJSON.bytes(report.authoringJSON(), indent: nil))
        let read = AuthoringReader.read(sink.bytes, file: "corpus.json")
        #expect(read.diagnostics.isEmpty)
        #expect(read.report == report)
    }

    @Test func corpusBundlePassesStixValidator() throws {
        let bytes = try STIX21WriterTests.bundle(CorpusGenerator(objects: 600, seed: 11).report())
        let file = try STIX21WriterTests.temporaryFile(bytes, name: "corpus.json")
        let disabled = try STIX21WriterTests.disabledChecks(for: bytes)
        let result = try Oracle.runVenvTool("stix2_validator", ["--strict", "-d", disabled, file.path])
        #expect(result.status == 0, "\(result.output.suffix(2_000))\(result.errors)")
    }

    /// The IOC-heavy corpus: each indicator's pattern matches exactly its own observable; the report checks pass;
    /// the bundle passes python-stix2 and the OASIS pattern validator (stix2-validator's check 303, name without
    /// description, is a best practice the synthetic indicators do not follow).
    @Test func indicatorCorpusIsConsistentAndPassesTheOracles() throws {
        let report = CorpusGenerator(objects: 300, seed: 5, indicators: 400).report()
        #expect(report.indicators.count == 400 && report.observables.count == 400)
        #expect(Set(report.observables.map(\.kind)).count == ObservableKind.allCases.count, "every kind of observable")
        let observables = Dictionary(uniqueKeysWithValues: report.observables.map { ($0.id, $0) })
        for indicator in report.indicators {
            let ref = try #require(indicator.basedOn.first?.ref)
            let observable = try #require(observables[ref])
            #expect(observable.marking == indicator.marking)
            for token in observable.identifyingStrings where token != observable.fileName {
                #expect(indicator.pattern.contains(token), "\(indicator.id): \(indicator.pattern) lacks \(token)")
            }
        }
        #expect(ReportChecks.check(report).isEmpty)
        let bytes = try STIX21WriterTests.bundle(report)
        let file = try STIX21WriterTests.temporaryFile(bytes, name: "iocs.json")
        let validator = try Oracle.runVenvTool(
            "stix2_validator", ["--strict", "-d", try STIX21WriterTests.disabledChecks(for: bytes) + ",303", file.path])
        #expect(validator.status == 0, "\(validator.output.suffix(2_000))")
        let parsed = try Oracle.runScript("stix2_parse.py", [file.path])
        #expect(parsed.status == 0, "\(parsed.output)\(parsed.errors)")
        let patterns = try Oracle.runScript("stix2_patterns_check.py", ["--bundle", file.path])
        #expect(patterns.status == 0, "\(patterns.output.suffix(2_000))")
    }
}
