import ExportCore

/// A set of 64-bit digests in one flat table: open addressing with linear probing, up to 7/8 full, growing
/// by a quarter. About 9–12 bytes a digest, where `Set<Int>` (power-of-two tables at most 3/4 full) takes
/// 11–21; a streamed bundle check keeps one digest per object in it. Growing holds the old and the new table
/// together (2.25 times the old), as any rehash does: ``reserve(_:)`` avoids it when the size is known.
/// At 7/8 full a missed lookup walks ~30 slots, but they are adjacent (four cache lines), which measured
/// about as fast as `Set` on the validator's work.
///
/// The digests are expected to be uniformly random (SipHash output): a slot is picked from the digest
/// itself, with no further hashing.
///
/// ```swift
/// var ids = DigestSet()
/// ids.insert(0x1234)   // true
/// ids.contains(0x1234) // true
/// ```
package struct DigestSet {
    /// 0 marks an empty slot (a digest of 0 is stored as 1).
    private var slots: [UInt64]
    package private(set) var count = 0

    /// A set with room for `capacity` digests before it grows.
    package init(capacity: Int = 0) {
        slots = Array(repeating: 0, count: Self.slotCount(for: capacity))
    }

    var isEmpty: Bool { count == 0 }

    /// Adds `digest`; returns whether it was new.
    @discardableResult
    package mutating func insert(_ digest: UInt64) -> Bool {
        let digest = digest == 0 ? 1 : digest
        if (count + 1) * 8 > slots.count * 7 { grow(to: slots.count + max(slots.count / 4, 1024)) }
        var index = home(of: digest)
        while true {
            let slot = slots[index]
            if slot == digest { return false }
            if slot == 0 {
                slots[index] = digest
                count += 1
                return true
            }
            index = index + 1 == slots.count ? 0 : index + 1
        }
    }

    package func contains(_ digest: UInt64) -> Bool {
        let digest = digest == 0 ? 1 : digest
        var index = home(of: digest)
        while true {
            let slot = slots[index]
            if slot == digest { return true }
            if slot == 0 { return false }
            index = index + 1 == slots.count ? 0 : index + 1
        }
    }

    /// Makes room for `capacity` digests at once, so a set whose final size is known (or well guessed)
    /// never holds an old and a new table together.
    package mutating func reserve(_ capacity: Int) {
        let wanted = Self.slotCount(for: capacity)
        if wanted > slots.count { grow(to: wanted) }
    }

    private static func slotCount(for capacity: Int) -> Int { max(1024, capacity / 7 * 8 + 8) }

    /// The first slot to try: the digest scaled onto the table (any size, not only powers of two).
    private func home(of digest: UInt64) -> Int {
        Int(truncatingIfNeeded: digest.multipliedFullWidth(by: UInt64(slots.count)).high)
    }

    private mutating func grow(to size: Int) {
        let old = slots
        slots = Array(repeating: 0, count: size)
        count = 0
        for digest in old where digest != 0 { insert(digest) }
    }
}
