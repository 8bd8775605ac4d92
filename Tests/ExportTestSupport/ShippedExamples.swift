public import Foundation

/// The STIX 2.1 examples shipped inside the stix2-validator package (`schemas-2.1/examples`).
public enum ShippedExamples {
    /// The example files, found through the oracle venv's stix2validator package, sorted by path.
    /// - Throws: ``Oracle/Missing`` when the venv or the package is not there.
    public static func files() throws -> [URL] {
        let result = try Oracle.runScript("stix_examples.py")
        guard result.status == 0 else { throw Oracle.Missing(description: "stix2validator examples: \(result.errors)") }
        return result.output.split(separator: "\n").map { URL(fileURLWithPath: String($0)) }
    }
}
