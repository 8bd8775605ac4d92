package import ExportCore

/// Collects the findings of one bundle check, each located in the input.
package struct STIXCheck {
    let file: String
    package private(set) var diagnostics: [Diagnostic] = []
    /// Whether a vendor's variant of a spec definition (a TLP marking under its own id) is let through: on
    /// import, where the sharing layer reads its level and the reader warns; `validate` keeps the spec's MUST.
    var readsVendorVariants = false

    package init(file: String, readsVendorVariants: Bool = false) {
        self.file = file
        self.readsVendorVariants = readsVendorVariants
    }

    mutating func error(_ message: String, at line: Int, _ column: Int, hint: String? = nil) {
        diagnostics.append(Diagnostic(.error, message, at: SourceLocation(file: file, line: line, column: column), hint: hint))
    }

    mutating func warning(_ message: String, at line: Int, _ column: Int, hint: String? = nil) {
        diagnostics.append(Diagnostic(.warning, message, at: SourceLocation(file: file, line: line, column: column), hint: hint))
    }

    mutating func error(_ message: String, at value: LocatedJSON, hint: String? = nil) {
        error(message, at: value.line, value.column, hint: hint)
    }

    mutating func warning(_ message: String, at value: LocatedJSON, hint: String? = nil) {
        warning(message, at: value.line, value.column, hint: hint)
    }

    /// Adds the findings of another check of the same file.
    mutating func append(_ other: STIXCheck) { diagnostics += other.diagnostics }
}

/// One STIX object being checked: its members by name and a label for messages.
struct STIXObjectView {
    let json: LocatedJSON
    let type: String
    let label: String

    subscript(key: String) -> LocatedJSON? { json[key] }

    /// The strings of a list property, with their locations; non-strings are skipped.
    func strings(_ key: String) -> [(text: String, at: LocatedJSON)] {
        (json[key]?.elements ?? []).compactMap { element in element.string.map { ($0, element) } }
    }
}
