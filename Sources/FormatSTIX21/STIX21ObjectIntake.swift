import ExportCore

/// The objects a STIX 2.1 import takes in, checked one at a time as they come, whether a streamed bundle hands
/// them out or a whole document holds them: the valid ones kept without their locations, one error for each
/// invalid one (or its id, when invalid objects are dropped), and what the checks after the last object need.
///
/// Nothing here holds an object's located tree past ``take(_:)``: that is what lets a bundle of any size be
/// re-exported without a tree of the whole file.
struct STIX21ObjectIntake {
    let file: String
    let dropsInvalid: Bool
    /// The valid objects, in input order.
    private(set) var kept: [JSONValue] = []
    /// The ids of the invalid objects dropped.
    private(set) var dropped: [String] = []
    /// The first error of each invalid object, when they are not dropped.
    private(set) var errors: [Diagnostic] = []
    /// Shared by every object, so that a reference to an id the input lacks is reported (as a warning:
    /// partners do ship bundles that point at objects they withheld).
    var references = STIXReferences()
    /// Local ids seen, to find two objects that would become one model object.
    var localIDs = STIXLocalIDs()
    /// Where each marking definition stands (the last of one id), for the vendor-variant warnings.
    private(set) var markingDefinitions: [String: SourceLocation] = [:]

    init(file: String, settings: ImportSettings) {
        self.file = file
        dropsInvalid = settings.dropsInvalid
    }

    /// Checks one object and keeps it, or its first error.
    mutating func take(_ object: LocatedJSON) {
        var check = STIXCheck(file: file, readsVendorVariants: true)
        STIXObjectRules.check(object, check: &check, references: &references)
        if let error = check.diagnostics.first(where: { $0.severity == .error }) {
            if dropsInvalid {
                dropped.append(object["id"]?.string ?? "(no id, line \(object.line))")
            } else {
                errors.append(error)
            }
        } else {
            kept.append(object.value)
        }
        localIDs.note(object)
        if object["type"]?.string == "marking-definition", let id = object["id"]?.string {
            markingDefinitions[id] = SourceLocation(file: file, line: object.line, column: object.column)
        }
    }

    /// The findings of the objects taken: their errors, then the one warning listing those dropped.
    var diagnostics: [Diagnostic] {
        guard !dropped.isEmpty else { return errors }
        return errors + [
            Diagnostic(
                .warning, "dropped \(dropped.count) invalid object(s): \(dropped.joined(separator: ", "))",
                at: SourceLocation(file: file, line: 1, column: 1))
        ]
    }
}
