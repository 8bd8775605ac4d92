import ExportCore
import ExportSharing
import ExportXML
import FormatAuthoring
import FormatMISP
import FormatReportXML
import FormatSTIX12
import FormatSTIX21

/// What validating one file gave.
public struct FileValidation: Sendable, Hashable {
    /// The file as the user named it (`<stdin>` for `-`).
    public var file: String
    /// The validator that ran, or `nil` when none could (unreadable, unrecognised).
    public var format: String?
    /// Every finding, in document order.
    public var findings: [Diagnostic]
    /// Why the file failed, deciding its exit code; `nil` when it is valid.
    public var failure: ExportError.Code?

    /// Whether the file is valid.
    public var isValid: Bool { failure == nil }

    /// Validates each file, several at a time, and returns the results in the order the files were given.
    ///
    /// - Parameters:
    ///   - files: paths; `-` reads standard input.
    ///   - validator: the validator for every file (`--schema`, `--input-format`); `nil` recognises each file.
    ///   - options: the formats' options (where the STIX 1.2 schemas are).
    public static func run(
        _ files: [String], with validator: FormatDescriptor?, options: FormatOptions = .default
    ) -> [FileValidation] {
        ProgressMeter.current?.begin("validating", unit: .bytes, total: files.map(FileByteSource.size(of:)).reduce(0, +))
        return Parallel.map(files) { validate($0, with: validator, options: options) }.compactMap { try? $0.get() }
    }

    /// Validates one file, opened once: the bytes it is recognised from are the bytes it is checked from (a
    /// pipe or standard input is copied once to an unlinked temporary file, never read twice).
    public static func validate(
        _ path: String, with chosen: FormatDescriptor?, options: FormatOptions = .default
    ) -> FileValidation {
        let name = path == "-" ? InputFile.standardInputName : path
        do {
            let input = try InputHandle.open(path, limits: options.limits)
            let head = try input.head()
            // Refused whatever the format: no format of exportctl's has one, and libxml2 must never see it.
            if let doctype = XMLProlog.doctypeLocation(in: head, file: name) {
                return FileValidation(
                    file: name, format: chosen?.name, findings: [XMLProlog.doctypeDiagnostic(at: doctype)],
                    failure: .invalidInput)
            }
            guard let format = try chosen ?? FormatRegistry.validator(recognising: InputSample(input, limits: options.limits)),
                let validator = format.validator
            else {
                let finding = Diagnostic(
                    .error, "unrecognised format", at: SourceLocation(file: name, line: 1, column: 1),
                    hint: "pass --schema XSD or --input-format (\(FormatRegistry.validatable.map(\.name).joined(separator: ", ")))")
                return FileValidation(file: name, format: nil, findings: [finding], failure: .invalidInput)
            }
            let findings = try validator.validate(.handle(input), options)
            return FileValidation(
                file: name, format: format.name, findings: findings,
                failure: findings.hasErrors ? .invalidInput : nil)
        } catch let error as ExportError {
            let findings =
                error.diagnostics.isEmpty
                ? [Diagnostic(.error, error.reason, at: SourceLocation(file: name, line: 1, column: 1))]
                : error.diagnostics
            return FileValidation(file: name, format: chosen?.name, findings: findings, failure: error.code)
        } catch {
            let finding = Diagnostic(.error, "\(error)", at: SourceLocation(file: name, line: 1, column: 1))
            return FileValidation(file: name, format: chosen?.name, findings: [finding], failure: .internal)
        }
    }
}

extension FileValidation {
    /// The result with every warning counted as an error (`exportctl validate --strict`).
    public func strict() -> FileValidation {
        var copy = self
        copy.findings = findings.map { finding in
            var finding = finding
            if finding.severity == .warning { finding.severity = .error }
            return finding
        }
        if copy.failure == nil, copy.findings.hasErrors { copy.failure = .invalidInput }
        return copy
    }
}
