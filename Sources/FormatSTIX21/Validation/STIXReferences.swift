package import ExportCore

/// The ids a bundle declares and the references it makes.
///
/// Ids are kept as 64-bit digests, not strings, so a bundle of millions of objects fits in little memory
/// (a 1 GB bundle of five million small objects in under 200 MB). The digests are the standard library's
/// SipHash with a random seed per process, so no input can aim at a collision; by chance, a reference to an
/// id the bundle lacks passes as resolved with odds n/2^64 (3e-13 at five million ids), and two different
/// (id, modified) pairs collide into a false "appears twice" warning with odds about n²/2^65 (7e-7).
/// In memory, references are resolved once every object has been read. A streamed file is read once
/// (``streaming()``), keeping one digest per id and the digests of references to ids not declared yet; only
/// when one of those is still undeclared at the end (or there were too many to keep), or an id was declared
/// more than once, is it read a second time (``resolving(after:)``), reporting each unresolved reference and
/// each repeated version (the same id and `modified`) where it is. So the versions of the few ids that repeat
/// are compared on the second pass, and the first keeps no digest of versions at all.
package struct STIXReferences {
    /// A compact digest of an id (or of an id and a version).
    struct Digest: Hashable {
        let value: UInt64

        init(_ id: String) {
            var hasher = Hasher()
            hasher.combine(0x5354_4958)
            hasher.combine(id)
            value = UInt64(bitPattern: Int64(hasher.finalize()))
        }

        /// The digest of a version: the id with its `modified` (none and empty count as the same).
        init(_ id: String, modified: String?) {
            var hasher = Hasher()
            hasher.combine(0x3231_2121)
            hasher.combine(id)
            hasher.combine(modified ?? "")
            value = UInt64(bitPattern: Int64(hasher.finalize()))
        }
    }

    private var declared = DigestSet()
    private var versions: Set<Digest> = []
    /// On a streamed first pass: the ids declared more than once. On the second: the ids whose versions
    /// are compared; `nil` in memory, where every version is compared at once.
    private var repeated: Set<Digest>?
    /// On a second pass: versions seen twice, reported with the unresolved references.
    private var duplicates: [(id: String, at: LocatedJSON)] = []
    private var pending: [(id: String, property: String, at: LocatedJSON)] = []
    /// On a second pass: the ids the first pass declared; references are checked at once.
    private var known: DigestSet?
    private var unresolved: [(id: String, property: String, at: LocatedJSON)] = []
    /// On a streamed first pass: digests of references made before their id was declared.
    private var forward: [Digest]?
    /// Whether `forward` outgrew ``maxForward`` and stopped recording.
    private var forwardOverflowed = false
    /// The most forward references a streamed pass keeps; past it, the second pass decides.
    private var maxForward = 0
    /// When `forward` reaches this size, the references declared since are dropped from it.
    private var nextCompaction = 1 << 16

    package init() {}

    /// References checked against the ids a streamed first pass declared, and versions compared for the
    /// ids it saw more than once.
    package static func resolving(after firstPass: STIXReferences) -> STIXReferences {
        var references = STIXReferences()
        references.known = firstPass.declared
        references.repeated = firstPass.repeated ?? []
        return references
    }

    /// References checked as a streamed first pass reads them (see ``needsResolvingPass``), keeping at most
    /// `maxForward` digests of forward references (8 bytes each: 32 MiB by default).
    /// Repeated ids are compared by version on the second pass (every input can be read twice: a pipe's is
    /// copied once when it is opened).
    package static func streaming(maxForward: Int = 1 << 22) -> STIXReferences {
        var references = STIXReferences()
        references.forward = []
        references.repeated = []
        references.maxForward = maxForward
        return references
    }

    /// Whether the first pass declared the id of `digest`.
    func declares(_ digest: Digest) -> Bool { declared.contains(digest) }

    /// Makes room for `count` declared ids at once (a guess from the file's size is fine).
    mutating func reserve(_ count: Int) { declared.reserve(count) }

    /// After a streamed first pass: whether a reference may not resolve or an id was declared twice, so the
    /// file must be read again to report either where it is.
    package var needsResolvingPass: Bool {
        guard let forward else { return true }
        return forwardOverflowed || repeated?.isEmpty == false || forward.contains { !declared.contains($0) }
    }

    /// Records an object's id (`at`: its place). Returns `false` when the same id and `modified` were already
    /// seen; on a streamed read that is found on the second pass instead, and reported with the unresolved
    /// references.
    package mutating func declare(_ id: String, modified: String?, at value: LocatedJSON) -> Bool {
        let digest = Digest(id)
        if known != nil {
            if repeated?.contains(digest) == true, !versions.insert(Digest(id, modified: modified)).inserted {
                duplicates.append((id, value))
            }
            return true
        }
        let isNew = declared.insert(digest)
        guard repeated == nil else {
            if !isNew { repeated?.insert(digest) }
            return true
        }
        return versions.insert(Digest(id, modified: modified)).inserted
    }

    /// Reports a version declared twice.
    static func warnDuplicate(_ id: String, at value: LocatedJSON, check: inout STIXCheck) {
        check.warning("\(id) appears twice with the same 'modified'", at: value, hint: "versions of an object differ in 'modified'")
    }

    package mutating func refer(to id: String, from property: String, at value: LocatedJSON) {
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

    /// Reports the references that do not resolve (and, on a second pass, the repeated versions).
    package func reportUnresolved(check: inout STIXCheck) {
        for duplicate in duplicates { Self.warnDuplicate(duplicate.id, at: duplicate.at, check: &check) }
        let missing = known == nil ? pending.filter { !declared.contains(Digest($0.id)) } : unresolved
        for reference in missing where !STIXRequiredProperties.tlp1IDs.contains(reference.id) {
            check.warning(
                "'\(reference.property)' refers to \(reference.id), which is not in the bundle", at: reference.at,
                hint: "ship the referenced object in the same bundle, or check the id")
        }
    }

    /// Forgets the references seen so far (after reporting them), keeping the declared ids.
    package mutating func clearReferences() {
        pending.removeAll(keepingCapacity: true)
        unresolved.removeAll(keepingCapacity: true)
        duplicates.removeAll(keepingCapacity: true)
    }
}

extension DigestSet {
    fileprivate mutating func insert(_ digest: STIXReferences.Digest) -> Bool { insert(digest.value) }

    fileprivate func contains(_ digest: STIXReferences.Digest) -> Bool { contains(digest.value) }
}
