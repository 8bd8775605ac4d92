import ExportCore

/// Finds objects of one input that would become the same model object: two different STIX ids with the
/// same local id (our extension's `local_id`, else the STIX id itself).
///
/// The sharing policy keys its decisions by local id, so a repeated one could let a withheld object ride
/// on another's release. Versions of one object (the same STIX id) are not repeats. `validate` finds the same
/// through ``STIXLocalIDTable`` on a streamed file.
enum STIXLocalIDs {
    /// One located error per object whose local id an earlier object with another STIX id already has.
    static func repeats(in objects: [LocatedJSON], file: String) -> [Diagnostic] {
        var table = STIXLocalIDTable()
        var ids: Set<STIXReferences.Digest> = []
        for object in objects {
            table.note(object)
            if let id = object["id"]?.string { ids.insert(STIXReferences.Digest(id)) }
        }
        var check = STIXCheck(file: file)
        guard table.needsSecondPass(declaredIDs: ids.contains) else { return [] }
        for object in objects { table.compare(object, check: &check) }
        return check.diagnostics
    }
}
