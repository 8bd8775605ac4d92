import Export
import ExportTestSupport
import Foundation
import Testing

/// A STIX 2.0 document is recognised by its structure and gets one finding for the whole file (issue 21), both
/// read whole and streamed; a 2.1 bundle with one object lacking `spec_version` keeps its per-object error.
struct STIX20RecognitionTests {
    static let bundleID = "bundle--8a0d3b7e-5c4f-4a51-9c1e-0d6b2f3a4e5c"

    /// A STIX 2.0 indicator (no `spec_version`, `labels` instead of `indicator_types`, no `pattern_type`).
    static func indicator(_ index: Int, version: String? = nil) -> String {
        let uuid = String(format: "5f2c9d4e-7a1b-4c3d-8e9f-%012x", index)
        let spec = version.map { #""spec_version": "\#($0)", "# } ?? ""
        return #"{"type": "indicator", \#(spec)"id": "indicator--\#(uuid)", "created": "2017-01-01T00:00:00.000Z", "modified": "2017-01-01T00:00:00.000Z", "labels": ["malicious-activity"], "pattern": "[ipv4-addr:value = '198.51.100.\#(index % 250)']", "valid_from": "2017-01-01T00:00:00Z"}"#
    }

    /// A bundle with its keys sorted, as python's `sort_keys` writes it: `objects`, then `spec_version`, then
    /// `type` last, beyond the first 64 KiB when there are enough objects.
    static func sortedKeysBundle(objects: [String], bundleVersion: String? = "2.0") -> [UInt8] {
        let version = bundleVersion.map { #", "spec_version": "\#($0)""# } ?? ""
        return Array(#"{"id": "\#(bundleID)", "objects": [\#n\#(objects.joined(separator: ",\n"))\#n]\#(version), "type": "bundle"}"#.utf8)
    }

    /// Both ways of checking: the bytes read whole, and the file streamed as `exportctl validate` does.
    static func bothWays(_ bytes: [UInt8]) throws -> [[Diagnostic]] {
        let whole = STIXBundleValidator.validate(bytes: bytes, file: "b.json")
        let streamed = try STIXBundleValidator.validate(InputHandle(bytes: bytes, name: "b.json"))
        return [whole, streamed]
    }

    @Test func sortedKeys20BundleBeyond64KiBIsOneFindingAtTheBundlesSpecVersion() throws {
        let bytes = Self.sortedKeysBundle(objects: (0..<400).map { Self.indicator($0) })
        #expect(bytes.count > 64 << 10)
        let lastLine = String(decoding: bytes, as: UTF8.self).split(separator: "\n").count
        for findings in try Self.bothWays(bytes) {
            #expect(findings.count == 1, "\(findings.map(\.rendered))")
            #expect(findings.first?.message.contains("STIX 2.0 bundle") == true)
            #expect(findings.first?.hint?.contains("--upgrade") == true)
            #expect(findings.first?.location?.line == lastLine)
        }
        // Recognised by structure (the top-level walk), whatever the key order.
        let validation = FileValidation.validate(try Self.temporaryFile(bytes), with: nil)
        #expect(validation.format == "stix21")
        #expect(validation.findings.count == 1)
        #expect(!validation.isValid)
    }

    @Test func objectsWithoutSpecVersionMakeA20BundleReportedAtTheFirstObject() throws {
        let bytes = Self.sortedKeysBundle(objects: (0..<3).map { Self.indicator($0) }, bundleVersion: nil)
        for findings in try Self.bothWays(bytes) {
            #expect(findings.count == 1, "\(findings.map(\.rendered))")
            #expect(findings.first?.message.contains("no object says \"spec_version\": \"2.1\"") == true)
            #expect(findings.first?.location?.line == 2)
        }
    }

    @Test func a21BundleWithOneObjectMissingSpecVersionKeepsItsPerObjectError() throws {
        let objects = [Self.indicator(0), Self.indicator(1, version: "2.1").replacingOccurrences(
            of: #""labels""#, with: #""pattern_type": "stix", "indicator_types""#)]
        let bytes = Self.sortedKeysBundle(objects: objects, bundleVersion: nil)
        for findings in try Self.bothWays(bytes) {
            #expect(!findings.contains { $0.message.contains("STIX 2.0 bundle") }, "\(findings.map(\.rendered))")
            #expect(findings.contains { $0.message.contains("has no 'spec_version'") && $0.location?.line == 2 })
            #expect(findings.hasErrors)
        }
    }

    @Test func observablesWithoutSpecVersionDoNotMakeA20Bundle() throws {
        let sco = #"{"type": "ipv4-addr", "id": "ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd", "value": "198.51.100.3"}"#
        for findings in try Self.bothWays(Self.sortedKeysBundle(objects: [sco], bundleVersion: nil)) {
            #expect(findings.isEmpty, "\(findings.map(\.rendered))")
        }
    }

    @Test func aSingle20ObjectIsOneFinding() throws {
        for findings in try Self.bothWays(Array(Self.indicator(0, version: "2.0").utf8)) {
            #expect(findings.count == 1, "\(findings.map(\.rendered))")
            #expect(findings.first?.message.contains("STIX 2.0 object") == true)
        }
    }

    static func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stix20-\(UUID().uuidString).json")
        try Data(bytes).write(to: url)
        return url.path
    }
}
