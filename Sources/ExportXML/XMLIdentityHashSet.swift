/// A set of 64-bit hashes in one flat table (open addressing, linear probing): 8 bytes per slot, at most
/// 70 % full, so a million keys take about 16 MB instead of libxml2's several hundred bytes per key.
///
/// Zero marks an empty slot, so a hash of zero is stored as one; the hashes come from a seeded SipHash
/// (`Hasher`), so that remapping and a collision between distinct values are both as likely as any other
/// 64-bit collision (about n²/2⁶⁵ for n values).
package struct XMLIdentityHashSet {
    private var slots: [UInt64] = []
    package private(set) var count = 0

    package init() {}

    /// Inserts `hash`; returns `false` when it was already there.
    package mutating func insert(_ hash: UInt64) -> Bool {
        if (count + 1) * 10 > slots.count * 7 { grow() }
        let value = hash == 0 ? 1 : hash
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: value) & mask
        while true {
            let slot = slots[index]
            if slot == 0 {
                slots[index] = value
                count += 1
                return true
            }
            if slot == value { return false }
            index = (index + 1) & mask
        }
    }

    /// Whether `hash` is in the set.
    package func contains(_ hash: UInt64) -> Bool {
        guard !slots.isEmpty else { return false }
        let value = hash == 0 ? 1 : hash
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: value) & mask
        while true {
            let slot = slots[index]
            if slot == 0 { return false }
            if slot == value { return true }
            index = (index + 1) & mask
        }
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: max(1024, old.count * 2))
        count = 0
        for value in old where value != 0 { _ = insert(value) }
    }
}
