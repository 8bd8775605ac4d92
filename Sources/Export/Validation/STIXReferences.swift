/// The ids a bundle declares and the references it makes.
///
/// Ids are kept as 128-bit digests, not strings, so a bundle of millions of objects fits in little memory.
/// In memory, references are resolved once every object has been read. A streamed file is read once
/// (``streaming()``), keeping only the digests of references to ids not declared yet; only when one of
/// those is still undeclared at the end (or there were too many to keep) is it read a second time,
/// resolving (``resolving(_:)``) every reference with its text and place for the warning.
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
    /// On a streamed first pass: digests of references made before their id was declared.
    private var forward: [Digest]?
    /// Whether `forward` outgrew ``maxForward`` and stopped recording.
    private var forwardOverflowed = false
    /// The most forward references a streamed pass keeps; past it, the second pass decides.
    private var maxForward = 0
    /// When `forward` reaches this size, the references declared since are dropped from it.
    private var nextCompaction = 1 << 16

    init() {}

    /// References checked against the ids a first pass declared.
    static func resolving(_ declared: Set<Digest>) -> STIXReferences {
        var references = STIXReferences()
        references.known = declared
        return references
    }

    /// References checked as a streamed first pass reads them (see ``needsResolvingPass``), keeping at most
    /// `maxForward` digests of forward references (16 bytes each: 64 MiB by default).
    static func streaming(maxForward: Int = 1 << 22) -> STIXReferences {
        var references = STIXReferences()
        references.forward = []
        references.maxForward = maxForward
        return references
    }

    /// After a streamed first pass: whether a reference may not resolve, so the file must be read again to
    /// report it where it is.
    var needsResolvingPass: Bool {
        guard let forward else { return true }
        return forwardOverflowed || forward.contains { !declared.contains($0) }
    }

    /// Records an object's id; returns `false` when the same id and `modified` were already seen.
    mutating func declare(_ id: String, modified: String?) -> Bool {
        guard known == nil else { return true }
        declared.insert(Digest(id))
        return versions.insert(Digest(id + "|" + (modified ?? ""))).inserted
    }

    mutating func refer(to id: String, from property: String, at value: LocatedJSON) {
        if forward != nil {
            guard !forwardOverflowed else { return }
            let digest = Digest(id)
            guard !declared.contains(digest), !STIXRequiredProperties.tlp1IDs.contains(id) else { return }
            forward?.append(digest)
            if let count = forward?.count, count >= nextCompaction || count > maxForward { compactForward() }
        } else if let known {
            if !known.contains(Digest(id)), !STIXRequiredProperties.tlp1IDs.contains(id) {
                unresolved.append((id, property, value))
            }
        } else {
            pending.append((id, property, value))
        }
    }

    /// Keeps only the forward references still undeclared, so the list holds what is pending now rather
    /// than every reference ever made ahead of its object.
    private mutating func compactForward() {
        let declared = declared
        forward?.removeAll { declared.contains($0) }
        let count = forward?.count ?? 0
        if count > maxForward {
            forwardOverflowed = true
            forward = []
        }
        nextCompaction = max(1 << 16, 2 * count)
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
