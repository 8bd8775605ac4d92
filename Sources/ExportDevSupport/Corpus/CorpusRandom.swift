import Export

/// The corpus generator's random numbers: SplitMix64 (Steele, Lea and Flood), so that a seed gives the
/// same corpus on every machine and Swift version (the standard library's generator is not seedable).
/// The tests' seeded generators draw from it too (`package`), so the mixing steps are written once.
package struct CorpusRandom {
    private var state: UInt64

    package init(seed: UInt64) { state = seed }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (`0` when the bound is not positive).
    mutating func int(below bound: Int) -> Int { bound > 0 ? Int(next() % UInt64(bound)) : 0 }

    /// A number in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + int(below: range.count) }

    /// True `percent` times in a hundred.
    mutating func chance(_ percent: Int) -> Bool { int(below: 100) < percent }

    /// One element of a non-empty array.
    mutating func pick<T>(_ values: [T]) -> T { values[int(below: values.count)] }

    /// The index of a weighted choice.
    mutating func weighted(_ weights: [Int]) -> Int {
        var roll = int(below: weights.reduce(0, +))
        for (index, weight) in weights.enumerated() {
            if roll < weight { return index }
            roll -= weight
        }
        return weights.count - 1
    }
}
