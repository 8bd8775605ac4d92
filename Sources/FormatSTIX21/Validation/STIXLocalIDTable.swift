import ExportCore

/// Finds objects of a streamed bundle that would become the same model object on import: two STIX ids with
/// the same local id (our extension's `local_id`, else the STIX id), as ``STIXLocalIDs`` does for a bundle
/// in memory, in memory that does not grow with the objects that declare no local id.
///
/// The first pass keeps a 64-bit digest of each declared local id and notes those seen twice (or that equal a
/// declared STIX id); only then does a second pass compare the STIX ids behind just those, and report each
/// repeat where it is. Versions of one object share their STIX id and are not repeats.
struct STIXLocalIDTable {
    private var declaredLocalIDs = DigestSet()
    /// Declared local ids of the form of a STIX id: they repeat if another object has that id.
    private var idLike: [STIXReferences.Digest] = []
    /// Local ids to compare on the second pass.
    private var repeated: Set<STIXReferences.Digest> = []
    /// On the second pass: the first object seen with each repeated local id.
    private var owners: [STIXReferences.Digest: (id: String, line: Int)] = [:]

    /// The first pass: records the object's declared local id.
    mutating func note(_ object: LocatedJSON) {
        guard let (localID, _) = Self.declaredLocalID(of: object) else { return }
        let digest = STIXReferences.Digest(localID)
        if !declaredLocalIDs.insert(digest.value) { repeated.insert(digest) }
        if Self.hasDoubleHyphen(localID), localID != object["id"]?.string { idLike.append(digest) }
    }

    /// `localID.contains("--")`, ruled out first by a byte search: the `Character` search ran for every object
    /// (~100 M instructions per 20k objects, 4 % of `validate`). Bytes without `--` hold no such characters
    /// either; when they have it, the `Character` search still decides (a combining mark can follow the hyphen).
    private static func hasDoubleHyphen(_ localID: String) -> Bool {
        var previous: UInt8 = 0
        for byte in localID.utf8 {
            if byte == UInt8(ascii: "-"), previous == byte { return localID.contains("--") }
            previous = byte
        }
        return false
    }

    /// After the first pass, with the STIX ids it declared: whether a second pass must compare some objects.
    mutating func needsSecondPass(declaredIDs: (STIXReferences.Digest) -> Bool) -> Bool {
        repeated.formUnion(idLike.filter(declaredIDs))
        idLike = []
        return !repeated.isEmpty
    }

    /// The second pass: an error for an object whose local id an earlier object with another STIX id has.
    mutating func compare(_ object: LocatedJSON, check: inout STIXCheck) {
        guard let id = object["id"]?.string else { return }
        let declared = Self.declaredLocalID(of: object)
        let localID = declared?.localID ?? id
        let digest = STIXReferences.Digest(localID)
        guard repeated.contains(digest) else { return }
        guard let owner = owners[digest] else {
            owners[digest] = (id, object.line)
            return
        }
        guard owner.id != id else { return }
        check.error(
            "local id '\(localID)' of \(id) is already the local id of \(owner.id) (line \(owner.line))",
            at: declared?.at ?? object,
            hint: "each object needs its own local id; versions of one object share its STIX id instead")
    }

    private static func declaredLocalID(of object: LocatedJSON) -> (localID: String, at: LocatedJSON)? {
        guard let value = object["extensions"]?[STIXExtensionDefinition.object.id]?["local_id"],
              let localID = value.string else { return nil }
        return (localID, value)
    }
}
