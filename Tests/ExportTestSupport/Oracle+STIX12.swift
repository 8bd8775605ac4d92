import Foundation

extension Oracle {
    /// The official STIX 1.2 schemas inside the oracle venv's `stix-validator` (`sdv/resources/xsd/stix_1.2`).
    /// - Throws: ``Missing`` when stix-validator is not installed there.
    public static func stix12Schemas() throws -> String {
        let venv = URL(fileURLWithPath: python).deletingLastPathComponent().deletingLastPathComponent()
        let lib = venv.appendingPathComponent("lib")
        let pythons = (try? FileManager.default.contentsOfDirectory(atPath: lib.path)) ?? []
        for version in pythons.sorted() where version.hasPrefix("python") {
            let directory = lib.appendingPathComponent("\(version)/site-packages/sdv/resources/xsd/stix_1.2")
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("stix_core.xsd").path) {
                return directory.path
            }
        }
        throw Missing(description: "no sdv/resources/xsd/stix_1.2 under \(lib.path): run Scripts/test.sh (stix-validator==3.0.0)")
    }
}
