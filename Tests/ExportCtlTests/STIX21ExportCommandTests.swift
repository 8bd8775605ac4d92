import ArgumentParser
import Export
import ExportTestSupport
@testable import exportctl
import Foundation
import Testing

/// `exportctl export` writes STIX 2.1 by default, and the bundle passes exportctl's own checks.
struct STIX21ExportCommandTests {
    @Test func stix21IsTheDefaultFormat() throws {
        let byDefault = try ExportCtlRunner.run(["export"])
        let named = try ExportCtlRunner.run(["export", "--format", "stix21"])
        #expect(byDefault.status == 0, "\(byDefault.errors)")
        #expect(byDefault.stdout == named.stdout)
        let findings = STIXBundleValidator.validate(bytes: Array(byDefault.stdout), file: "stdout", strict: true)
        #expect(findings.isEmpty, "\(findings.map(\.rendered))")
        #expect(byDefault.output.hasPrefix("{\n  \"id\": \"bundle--"))
    }

    @Test func profileParsesAndIsRefusedWhereItMeansNothing() throws {
        let export = try #require(try ExportCtl.parseAsRoot(["export", "--profile", "opencti"]) as? ExportCtl.Export)
        #expect(export.stix21.profile == .opencti)
        #expect(throws: (any Error).self) { try ExportCtl.parseAsRoot(["export", "--profile", "misp"]) }
        #expect(throws: (any Error).self) { try ExportCtl.parseAsRoot(["export", "--format", "misp", "--profile", "opencti"]) }
        let unknown = try ExportCtlRunner.run(["export", "--profile", "nope"])
        #expect(unknown.status == 2, "\(unknown.errors)")
    }

    @Test func openCTIProfileAddsIncidentDatesOnlyWhenAsked() throws {
        let standard = try ExportCtlRunner.run(["export", "--profile", "standard"])
        let opencti = try ExportCtlRunner.run(["export", "--profile", "opencti"])
        #expect(standard.status == 0 && opencti.status == 0, "\(standard.errors)\(opencti.errors)")
        #expect(standard.stdout == (try ExportCtlRunner.run(["export"])).stdout)
        func incidents(_ bytes: Data) throws -> [JSONValue] {
            (try LocatedJSONReader.read(Array(bytes)).value["objects"]?.arrayValue ?? []).filter { $0["type"] == "incident" }
        }
        #expect(!standard.output.contains("x_opencti"))
        #expect(try incidents(standard.stdout).allSatisfy { $0["first_seen"] == nil })
        #expect(opencti.output.contains("\"x_opencti_definition_type\": \"REL\""))
        #expect(try incidents(opencti.stdout).contains { $0["first_seen"] != nil })
    }
}
