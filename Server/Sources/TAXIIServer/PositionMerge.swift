/// The positions of several ascending lists (one per `match[id]` or `match[type]` value), in ascending order from
/// a starting position, merged as they are taken.
///
/// A page takes at most `limit + 1` positions, so a page costs a binary search per list plus O(limit × lists),
/// however long the lists are and however deep the cursor: a rare type among a million objects is found through
/// its own list rather than by scanning the collection, and a cursor deep into a common type does not walk the
/// positions before it.
struct PositionMerge: Sequence, IteratorProtocol {
    private let lists: [[Int]]
    private var heads: [Int]

    /// - Parameters:
    ///   - lists: Ascending positions; no position is in two lists (an object has one id and one type).
    ///   - low: The first position that may be returned.
    init(_ lists: [[Int]], from low: Int) {
        self.lists = lists
        heads = lists.map { list in
            var (start, end) = (0, list.count)
            while start < end {
                let middle = (start + end) / 2
                if list[middle] < low { start = middle + 1 } else { end = middle }
            }
            return start
        }
    }

    mutating func next() -> Int? {
        var smallest: (list: Int, position: Int)?
        for (index, list) in lists.enumerated() where heads[index] < list.count {
            let position = list[heads[index]]
            if smallest.map({ position < $0.position }) ?? true { smallest = (index, position) }
        }
        guard let smallest else { return nil }
        heads[smallest.list] += 1
        return smallest.position
    }
}
