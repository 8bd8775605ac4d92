import ExportTestSupport
import Foundation
import Testing

/// `exportctl validate` on STIX 2.1 bundles, end to end: recognised without flags, located findings, --strict.
struct ValidateSTIXCommandTests {
    func scenarioBundle() throws -> String {
        let result = try ExportCtlRunner.run(["export", "--format", "stix21"])
        #expect(result.status == 0, "\(result.errors)")
        return result.output
    }

    @Test func scenarioBundleIsRecognisedAndValid() throws {
        let result = try ExportCtlRunner.run(["validate", "-"], input: Data(try scenarioBundle().utf8))
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.errors.isEmpty)
    }

    @Test func aMissingRequiredPropertyIsALocatedError() throws {
        let bundle = try scenarioBundle()
        let broken = bundle.replacingOccurrences(of: "\"name\": \"Daniel Byman\",", with: "")
        #expect(broken != bundle)
        let result = try ExportCtlRunner.run(["validate", "--report-format", "text", "-"], input: Data(broken.utf8))
        #expect(result.status == 1)
        let errors = result.errors.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.hasPrefix("<stdin>:") == true)
        #expect(errors.first?.contains("name") == true)
    }

    @Test func warningsFailOnlyWithStrict() throws {
        let bundle = try scenarioBundle()
        let odd = bundle.replacingOccurrences(of: "\"spy\"", with: "\"cyber-mercenary\"")
        #expect(odd != bundle)
        let lenient = try ExportCtlRunner.run(["validate", "-"], input: Data(odd.utf8))
        #expect(lenient.status == 0, "\(lenient.errors)")
        #expect(lenient.errors.contains(": warning: "))
        let strict = try ExportCtlRunner.run(["validate", "--strict", "-"], input: Data(odd.utf8))
        #expect(strict.status == 1)
        #expect(strict.errors.contains(": error: "))
    }
}
