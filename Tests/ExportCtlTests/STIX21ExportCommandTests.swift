import Export
import ExportTestSupport
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
}
