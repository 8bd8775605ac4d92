/// Finds objects of one input that would become the same model object: two different STIX ids with the
/// same local id (our extension's `local_id`, else the STIX id itself).
///
/// The sharing policy keys its decisions by local id, so a repeated one could let a withheld object ride
/// on another's release. Versions of one object (the same STIX id) are not repeats.
enum STIXLocalIDs {
    /// One located error per object whose local id an earlier object with another STIX id already has.
    static func repeats(in objects: [LocatedJSON], file: String) -> [Diagnostic] {
        var owners: [String: (id: String, line: Int)] = [:]
        var diagnostics: [Diagnostic] = []
        for object in objects {
            guard let id = object["id"]?.string else { continue }
            let declared = object["extensions"]?[STIXExtensionDefinition.object.id]?["local_id"]
            let localID = declared?.string ?? id
            if let owner = owners[localID], owner.id != id {
                let place = declared ?? object
                diagnostics.append(
                    Diagnostic(
                        .error, "local id '\(localID)' of \(id) is already the local id of \(owner.id) (line \(owner.line))",
                        at: SourceLocation(file: file, line: place.line, column: place.column),
                        hint: "each object needs its own local id; versions of one object share its STIX id instead"))
            } else if owners[localID] == nil {
                owners[localID] = (id, object.line)
            }
        }
        return diagnostics
    }
}
