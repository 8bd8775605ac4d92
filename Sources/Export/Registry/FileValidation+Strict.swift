import ExportCore
import ExportSharing
import ExportXML
import FormatAuthoring
import FormatMISP
import FormatReportXML
import FormatSTIX12
import FormatSTIX21

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
