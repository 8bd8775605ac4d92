import ExportTestSupport
import Foundation
import Testing

/// `exportctl validate` beside stix2-validator on published documents (`Tests/Fixtures/real/`, issue 21).
///
/// Every STIX 2.1 and STIX 2.0 file of the corpus goes through both tools; stix2-validator runs with the README's
/// disabled-check list. Each file's verdict is `valid`, `invalid`, or (stix2-validator only) `crashed` when it
/// raised an exception instead of answering. Disagreements are listed, each with its category and reason, in
/// `Tests/Fixtures/real/DISAGREEMENTS.json`: the set found must equal the set listed, so a new disagreement and a
/// fixed one both fail until the list is updated. PyMISP must read every MISP file of the corpus.
struct RealCorpusAgreementTests {
    /// What a tool said of one file.
    enum Verdict: String, Codable, Sendable {
        case valid, invalid, crashed
    }

    /// One listed disagreement (DISAGREEMENTS.json holds more fields for readers: diagnostics, spec, fix).
    struct Listed: Codable, Hashable {
        var file: String
        var exportctl: Verdict
        var stix2Validator: Verdict
        var category: String
        var reason: String

        enum CodingKeys: String, CodingKey {
            case file, exportctl, category, reason
            case stix2Validator = "stix2-validator"
        }
    }

    struct Listing: Decodable {
        var disagreements: [Listed]
    }

    struct Found: Hashable, CustomStringConvertible {
        var file: String
        var exportctl: Verdict
        var stix2Validator: Verdict
        var description: String { "\(file): exportctl \(exportctl.rawValue), stix2-validator \(stix2Validator.rawValue)" }
    }

    struct OurReport: Decodable {
        struct File: Decodable {
            var file: String
            var valid: Bool
        }
        var files: [File]
    }

    struct OracleLine: Decodable {
        var file: String
        var valid: Bool
        var crashed: String?
    }

    /// The checks the README disables for stix2-validator (the script adds 215/218/219 per file, as the README says).
    static let disabledChecks = "103,202,302"
    static let categories: Set<String> = ["stricter-by-design", "to-fix", "oracle-crash"]

    static var corpus: URL { RepositoryPaths.fixtures.appendingPathComponent("real") }

    /// The `.json` files of one corpus folder, sorted, as paths relative to the corpus (`stix21/x.json`).
    static func files(in folder: String) throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: corpus.appendingPathComponent(folder).path)
        return names.filter { $0.hasSuffix(".json") }.sorted().map { "\(folder)/\($0)" }
    }

    static func path(_ relative: String) -> String { corpus.appendingPathComponent(relative).path }

    static func ourVerdicts(_ files: [String]) throws -> [String: Verdict] {
        let result = try ExportCtlRunner.run(["validate", "--report-format", "json"] + files.map(path))
        #expect(result.status == 0 || result.status == 1, "exit \(result.status): \(result.errors)")
        let report = try JSONDecoder().decode(OurReport.self, from: result.stdout)
        return Dictionary(uniqueKeysWithValues: report.files.map { ($0.file, $0.valid ? Verdict.valid : .invalid) })
    }

    static func oracleVerdicts(_ files: [String]) throws -> [String: Verdict] {
        let arguments = ["--disable", disabledChecks, "--errata-aware"] + files.map(path)
        let result = try Oracle.runScript("stix_validate_many.py", arguments)
        #expect(result.status == 0, "\(result.errors)")
        var verdicts: [String: Verdict] = [:]
        for line in result.output.split(separator: "\n") {
            let verdict = try JSONDecoder().decode(OracleLine.self, from: Data(line.utf8))
            verdicts[verdict.file] = verdict.crashed != nil ? .crashed : verdict.valid ? .valid : .invalid
        }
        return verdicts
    }

    static func listed() throws -> [Listed] {
        let data = try Data(contentsOf: corpus.appendingPathComponent("DISAGREEMENTS.json"))
        return try JSONDecoder().decode(Listing.self, from: data).disagreements
    }

    @Test func validateAgreesWithStix2ValidatorOnTheCorpusExceptListedDisagreements() throws {
        let stix21 = try Self.files(in: "stix21")
        let stix20 = try Self.files(in: "stix20")
        #expect(stix21.count >= 40, "the corpus needs at least 40 STIX 2.1 documents")
        #expect(stix20.count >= 10, "the corpus needs at least 10 STIX 2.0 documents")
        let files = stix21 + stix20
        let ours = try Self.ourVerdicts(files)
        let theirs = try Self.oracleVerdicts(files)
        var found: Set<Found> = []
        for file in files {
            let our = try #require(ours[Self.path(file)], "exportctl gave no verdict for \(file)")
            let their = try #require(theirs[Self.path(file)], "stix2-validator gave no verdict for \(file)")
            if our != their { found.insert(Found(file: file, exportctl: our, stix2Validator: their)) }
        }
        let listed = try Self.listed()
        for entry in listed {
            #expect(Self.categories.contains(entry.category), "\(entry.file): unknown category '\(entry.category)'")
            #expect(!entry.reason.isEmpty, "\(entry.file): a listed disagreement needs its reason")
        }
        let expected = Set(listed.map { Found(file: $0.file, exportctl: $0.exportctl, stix2Validator: $0.stix2Validator) })
        let agreeing = files.count - found.count
        print(
            "real corpus: exportctl validate and stix2-validator agree on \(agreeing) of \(files.count) files",
            "(\(agreeing * 100 / files.count) %); \(found.count) listed disagreements,",
            "\(found.filter { $0.stix2Validator == .crashed }.count) of them stix2-validator crashes")
        for new in found.subtracting(expected).sorted(by: { $0.file < $1.file }) {
            Issue.record("new disagreement, fix it or list it in DISAGREEMENTS.json: \(new)")
        }
        for gone in expected.subtracting(found).sorted(by: { $0.file < $1.file }) {
            Issue.record("listed disagreement no longer found, remove it from DISAGREEMENTS.json: \(gone)")
        }
    }

    @Test func pyMISPReadsEveryMISPCorpusFile() throws {
        let files = try Self.files(in: "misp")
        #expect(files.count >= 10, "the corpus needs at least 10 MISP events or feeds")
        let result = try Oracle.runScript("misp_corpus_load.py", files.map(Self.path))
        #expect(result.status == 0, "PyMISP cannot read every MISP corpus file:\n\(result.output)\(result.errors)")
        #expect(result.output.split(separator: "\n").count == files.count, "\(result.output)")
    }

    @Test func validateAcceptsEveryMISPCorpusFileAsPyMISPDoes() throws {
        let files = try Self.files(in: "misp")
        let result = try ExportCtlRunner.run(["validate", "--report-format", "json"] + files.map(Self.path))
        #expect(result.status == 0, "\(result.errors)")
        let report = try JSONDecoder().decode(OurReport.self, from: result.stdout)
        #expect(report.files.count == files.count && report.files.allSatisfy(\.valid), "\(result.errors)")
    }

    @Test func everyCorpusFileIsInTheManifest() throws {
        let manifest = try String(contentsOf: Self.corpus.appendingPathComponent("MANIFEST.md"), encoding: .utf8)
        for file in try Self.files(in: "stix21") + Self.files(in: "stix20") + Self.files(in: "misp") {
            #expect(manifest.contains("`\(file)`"), "\(file) has no MANIFEST.md row (source, commit, licence)")
        }
    }
}
