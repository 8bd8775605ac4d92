/// The ids a bundle declares and the references it makes, resolved once every object has been read.
struct STIXReferences {
    private var declared: Set<String> = []
    private var versions: Set<String> = []
    private var pending: [(id: String, property: String, at: LocatedJSON)] = []

    /// Records an object's id; returns `false` when the same id and `modified` were already seen.
    mutating func declare(_ id: String, modified: String?) -> Bool {
        declared.insert(id)
        return versions.insert(id + "|" + (modified ?? "")).inserted
    }

    mutating func refer(to id: String, from property: String, at value: LocatedJSON) {
        pending.append((id, property, value))
    }

    func reportUnresolved(check: inout STIXCheck) {
        for reference in pending where !declared.contains(reference.id) {
            if STIXRequiredProperties.tlp1IDs.contains(reference.id) { continue }
            check.warning(
                "'\(reference.property)' refers to \(reference.id), which is not in the bundle", at: reference.at,
                hint: "ship the referenced object in the same bundle, or check the id")
        }
    }
}
