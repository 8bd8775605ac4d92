import Export
import Foundation

/// The built-in sample with a unique token (`Tok00001`, …) planted at the end of every `name:` and `evidence:`,
/// so that a response can be searched for any trace of an object another partner may see.
enum PlantedSample {
    static let repository = Oracle.repository

    /// Writes the planted sample into `folder` and loads it.
    static func load(into folder: String) throws -> ThreatReport {
        let source = repository.appendingPathComponent("Scenario/indo-pacific-2023.yaml")
        let text = try String(contentsOf: source, encoding: .utf8)
        var serial = 0
        let lines = text.components(separatedBy: "\n").map { line -> String in
            let trimmed = line.drop { $0 == " " || $0 == "-" }
            guard trimmed.hasPrefix("name: ") || trimmed.hasPrefix("evidence: ") else { return line }
            serial += 1
            let token = String(format: "Tok%05d", serial)
            if line.hasSuffix("\"") { return String(line.dropLast()) + " " + token + "\"" }
            return line + " " + token
        }
        let path = folder + "/planted.yaml"
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let result = try ReportLoader.load(path: path)
        guard let report = result.report, !result.diagnostics.hasErrors else {
            throw Oracle.Failure(description: "the planted sample does not load: \(result.diagnostics)")
        }
        return report
    }

    /// Every `TokNNNNN` in `text`.
    static func tokens(in text: String) -> Set<String> {
        var found: Set<String> = []
        var rest = text[...]
        while let range = rest.range(of: "Tok") {
            let digits = rest[range.upperBound...].prefix(5)
            if digits.count == 5, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) { found.insert("Tok" + digits) }
            rest = rest[range.upperBound...]
        }
        return found
    }
}
