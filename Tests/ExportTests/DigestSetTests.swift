@testable import Export
import ExportTestSupport
import Testing

/// The flat digest table answers as `Set<UInt64>` does, through growth, reservation and the digest 0.
struct DigestSetTests {
    @Test(arguments: [0, 30_000])
    func agreesWithTheStandardSet(reserved: Int) {
        var random = SplitMix64(seed: UInt64(reserved) + 3)
        var ours = DigestSet()
        ours.reserve(reserved)
        var reference = Set<UInt64>()
        // Values from a small range repeat (duplicates); the rest are spread over all 64 bits. (0 and 1 are
        // left out: the table stores 0 as 1.) Mismatches are counted, not expected one by one (debug speed).
        var mismatches = 0
        for step in 0..<60_000 {
            let digest = step % 3 == 0 ? 2 + UInt64(random.int(below: 5_000)) : random.next()
            if ours.insert(digest) != reference.insert(digest).inserted { mismatches += 1 }
        }
        #expect(mismatches == 0)
        #expect(ours.count == reference.count)
        #expect(reference.allSatisfy { ours.contains($0) })
        let absent = (0..<20_000).map { _ in random.next() }.filter { !reference.contains($0) && $0 > 1 }
        #expect(!absent.contains { ours.contains($0) })
    }

    @Test func zeroAndOneShareASlot() {
        var set = DigestSet()
        #expect(!set.contains(0))
        let first = set.insert(0)
        #expect(first)
        #expect(set.contains(0) && set.contains(1))
        let second = set.insert(1)
        #expect(!second)
        #expect(set.count == 1)
    }
}
