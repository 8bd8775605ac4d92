import Export
import ExportTestSupport
import Foundation
import Testing

/// The samples `exportctl sample` ships: each lints clean; the advisory sample carries what its advisory published,
/// passes the STIX 2.1 oracles, and releases its one invented finding to the Five Eyes only.
struct BuiltInSampleTests {
    static let advisory = try! #require(SampleScenario.named("volt-typhoon-2023"))

    @Test(arguments: SampleScenario.all.map(\.name))
    func lintsClean(name: String) throws {
        let sample = try #require(SampleScenario.named(name))
        let result = AuthoringReader.read(Array(sample.yaml.utf8), file: sample.fileName)
        #expect(!sample.yaml.isEmpty, "\(name) is not embedded: run python3 Scripts/embed-resources.py")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.rendered))")
    }

    @Test func theDefaultIsTheArticle() {
        #expect(SampleScenario.standard.name == "indo-pacific-2023")
        #expect(SampleScenario.fileName == "Scenario/indo-pacific-2023.yaml")
        #expect(Set(SampleScenario.all.map(\.name)).count == SampleScenario.all.count)
    }

    /// Eleven file hashes, each an indicator of the actor built on its own observable, citing the advisory.
    @Test func theAdvisorySampleCarriesItsHashesAndCitesIt() throws {
        let report = try Self.advisory.report()
        #expect(report.sources.compactMap(\.url).contains { $0.hasSuffix("/cybersecurity-advisories/aa23-144a") })
        let files = report.observables.filter { $0.kind == .file }
        #expect(files.count == 11)
        for file in files {
            let hash = try #require(file.hashes.first { $0.algorithm == .sha256 }?.value)
            let indicator = try #require(report.indicators.first { $0.basedOn.map(\.ref) == [file.id] })
            #expect(indicator.pattern == "[file:hashes.'SHA-256' = '\(hash)']")
            #expect(indicator.indicates.map(\.ref) == ["volt-typhoon"])
            #expect(indicator.marking == nil, "published by the advisory: the report's TLP:CLEAR")
        }
        #expect(Set(report.tools.map(\.name)) == ["wmic", "ntdsutil", "netsh", "PowerShell"])
        #expect(report.tools.allSatisfy { $0.usedBy.map(\.ref) == ["volt-typhoon"] })
    }

    @Test func theAdvisorySamplePassesTheSTIXOracles() throws {
        try STIX21DetectionWriterTests.expectOraclesAccept(STIX21WriterTests.bundle(Self.advisory.report()))
    }

    /// The desk's invented finding is AMBER for the Five Eyes: a member receives it in every format, Japan in none,
    /// while both receive the advisory's hashes.
    @Test func theInventedFindingReachesOnlyTheFiveEyes() throws {
        let report = try Self.advisory.report()
        let published = "f4dd44bc19c19056794d29151a5b1bb76afd502388622e24c863a8494af147dd"
        for (recipient, receives) in [("GBR", true), ("NZ", true), ("JPN", false), ("IND", false)] {
            let view = try SharingPolicy().view(report, for: try Recipient.resolve(recipient, in: report)).view
            let outputs = try FormatOutputs.all(view)
            for (format, output) in outputs {
                #expect(output.contains(published), "\(recipient) \(format) lacks a published hash")
                if !receives {
                    #expect(!output.contains("203.0.113.77"), "\(recipient) \(format) received the Five Eyes address")
                    #expect(!output.contains("the desk's hunt"), "\(recipient) \(format) received the finding's name")
                }
            }
            for (format, output) in outputs {
                #expect(output.contains("203.0.113.77") == receives, "\(recipient) \(format)")
            }
        }
    }
}
