import ExportCore

/// Finds objects of one input that would become the same model object: two different STIX ids with the
/// same local id (our extension's `local_id`, else the STIX id itself).
///
/// The sharing policy keys its decisions by local id, so a repeated one could let a withheld object ride
/// on another's release. Versions of one object (the same STIX id) are not repeats. Objects are noted one at a
/// time as they are read (``note(_:)``); only when a local id may repeat are they compared, on a second look
/// (``repeats(in:file:)``). `validate` finds the same through ``STIXLocalIDTable`` on a streamed file.
struct STIXLocalIDs {
    private var table = STIXLocalIDTable()
    private var ids: Set<STIXReferences.Digest> = []

    /// Notes one object of the input.
    mutating func note(_ object: LocatedJSON) {
        table.note(object)
        if let id = object["id"]?.string { ids.insert(STIXReferences.Digest(id)) }
    }

    /// After every object was noted: whether some local id may repeat, so the objects must be compared.
    mutating func mayRepeat() -> Bool { table.needsSecondPass(declaredIDs: ids.contains) }

    /// One located error per object whose local id an earlier object with another STIX id already has;
    /// `objects` are the ones noted, in the same order.
    mutating func repeats(in objects: [LocatedJSON], file: String) -> [Diagnostic] {
        guard mayRepeat() else { return [] }
        var check = STIXCheck(file: file)
        for object in objects { table.compare(object, check: &check) }
        return check.diagnostics
    }

    /// ``repeats(in:file:)`` of objects not noted yet.
    static func repeats(in objects: [LocatedJSON], file: String) -> [Diagnostic] {
        var localIDs = STIXLocalIDs()
        for object in objects { localIDs.note(object) }
        return localIDs.repeats(in: objects, file: file)
    }
}
