/// The ids a bundle declares and the references it makes.
///
/// Ids are kept as 128-bit digests, not strings, so a bundle of millions of objects fits in little memory.
/// In memory, references are resolved once every object has been read; a streamed file is read twice,
/// declaring on the first pass and resolving (``resolving(_:)``) on the second.
struct STIXReferences {
    /// A compact digest of an id (or of an id and a version).
    struct Digest: Hashable {
        let high: Int
        let low: Int

        init(_ text: String) {
            var first = Hasher()
            first.combine(0x5354_4958)
            first.combine(text)
            var second = Hasher()
            second.combine(0x3231_2121)
            second.combine(text)
            high = first.finalize()
            low = second.finalize()
        }
    }

    private(set) var declared: Set<Digest> = []
    private var versions: Set<Digest> = []
    private var pending: [(id: String, property: String, at: LocatedJSON)] = []
    /// On a second pass: the ids the first pass declared; references are checked at once.
    private var known: Set<Digest>?
    private var unresolved: [(id: String, property: String, at: LocatedJSON)] = []

    init() {}

    /// References checked against the ids a first pass declared.
    static func resolving(_ declared: Set<Digest>) -> STIXReferences {
        var references = STIXReferences()
        references.known = declared
        return references
    }

    /// Records an object's id; returns `false` when the same id and `modified` were already seen.
    mutating func declare(_ id: String, modified: String?) -> Bool {
        guard known == nil else { return true }
        declared.insert(Digest(id))
        return versions.insert(Digest(id + "|" + (modified ?? ""))).inserted
    }

    mutating func refer(to id: String, from property: String, at value: LocatedJSON) {
        if let known {
            if !known.contains(Digest(id)), !STIXRequiredProperties.tlp1IDs.contains(id) {
                unresolved.append((id, property, value))
            }
        } else {
            pending.append((id, property, value))
        }
    }

    func reportUnresolved(check: inout STIXCheck) {
        let missing = known == nil ? pending.filter { !declared.contains(Digest($0.id)) } : unresolved
        for reference in missing where !STIXRequiredProperties.tlp1IDs.contains(reference.id) {
            check.warning(
                "'\(reference.property)' refers to \(reference.id), which is not in the bundle", at: reference.at,
                hint: "ship the referenced object in the same bundle, or check the id")
        }
    }

    /// Forgets the references seen so far (after reporting them), keeping the declared ids.
    mutating func clearReferences() {
        pending.removeAll(keepingCapacity: true)
        unresolved.removeAll(keepingCapacity: true)
    }
}
