import ExportCore
import ExportXML
import FormatSTIX21

/// The results of `exportctl validate` as a machine-readable report: JSON for scripts, JUnit XML for CI.
///
/// ```swift
/// let results = FileValidation.run(["a.xml", "b.xml"], with: nil)
/// let json = ValidationReport(results).json()
/// ```
public struct ValidationReport: Sendable {
    /// One result per file, in input order.
    public var results: [FileValidation]

    /// Creates a report.
    public init(_ results: [FileValidation]) { self.results = results }

    /// Canonical JSON: `{"files": [{"file", "format", "valid", "findings": [...]}], "valid": Bool}`.
    ///
    /// Here and in ``junit()``, text from the input shows control characters as ``VisibleText`` escapes.
    public func json() -> [UInt8] {
        let files: [JSONValue] = results.map { result in
            .object([
                "file": .string(VisibleText.escaped(result.file)),
                "format": result.format.map(JSONValue.string) ?? .null,
                "valid": .bool(result.isValid),
                "findings": .array(result.findings.map(Self.json)),
            ])
        }
        return CanonicalJSON.bytes(.object(["files": .array(files), "valid": .bool(results.allSatisfy(\.isValid))]))
    }

    private static func json(_ finding: Diagnostic) -> JSONValue {
        var object: [String: JSONValue] = [
            "severity": .string(finding.severity.rawValue), "message": .string(VisibleText.escaped(finding.message)),
            "hint": finding.hint.map { .string(VisibleText.escaped($0)) } ?? .null,
        ]
        if let location = finding.location {
            object["file"] = .string(VisibleText.escaped(location.file))
            object["line"] = .int(location.line)
            object["column"] = .int(location.column)
        }
        return .object(object)
    }

    /// JUnit XML: one `<testsuite>`, one `<testcase>` per file, a `<failure>` listing the findings of an
    /// invalid file (or `<error>` when it could not be read).
    /// - Throws: ``ExportError`` `.internal` when libxml2 fails to write.
    public func junit() throws -> [UInt8] {
        let xml = try XMLStreamWriter()
        let failures = results.filter { $0.failure == .invalidInput }.count
        let errors = results.filter { !$0.isValid && $0.failure != .invalidInput }.count
        try xml.startElement("testsuites")
        try xml.attribute("name", "exportctl validate")
        try xml.attribute("tests", String(results.count))
        try xml.attribute("failures", String(failures))
        try xml.attribute("errors", String(errors))
        try xml.startElement("testsuite")
        try xml.attribute("name", "exportctl validate")
        try xml.attribute("tests", String(results.count))
        try xml.attribute("failures", String(failures))
        try xml.attribute("errors", String(errors))
        try xml.attribute("skipped", "0")
        for result in results {
            try xml.startElement("testcase")
            try xml.attribute("name", VisibleText.escaped(result.file))
            try xml.attribute("classname", "exportctl.validate." + (result.format ?? "unrecognised"))
            if let failure = result.failure {
                let errorCount = result.findings.filter { $0.severity == .error }.count
                try xml.startElement(failure == .invalidInput ? "failure" : "error")
                try xml.attribute("type", failure.description)
                let first = result.findings.first?.message ?? ""
                try xml.attribute("message", "\(errorCount) error(s): " + VisibleText.escaped(first))
                try xml.text(result.findings.map(\.visiblyRendered).joined(separator: "\n"))
                try xml.endElement()
            }
            try xml.endElement()
        }
        try xml.endDocument()
        var sink = MemorySink()
        try xml.flush(into: &sink)
        let wellFormedness = XMLWellFormednessCheck.check(sink.bytes, file: "junit report")
        guard wellFormedness.isEmpty else { throw XMLWellFormednessCheck.failure(wellFormedness, format: "JUnit") }
        return sink.bytes
    }
}
