/// One page of a collection's objects for a query: at most `limit` objects after the cursor, and whether more match.
///
/// The cursor is the `date_added` of the last object sent, which is unique within a collection: the same `next`
/// always returns the same page, never expires, and no object is skipped or sent twice, whatever the page size.
struct Page {
    let objects: [ServedObject]
    /// Whether another object matches after the last one here.
    let hasMore: Bool
    /// The `next` to send, when ``hasMore``.
    var next: String? { hasMore ? objects.last.map(ObjectQuery.cursor(after:)) : nil }

    /// Selects from `candidates` (lists of ascending positions in `collection.objects`, merged) or from every
    /// object: a binary search for the cursor, then at most `limit + 1` matching objects.
    init(_ collection: ServedCollection, query: ObjectQuery, maxPageSize: Int, candidates: [[Int]]? = nil) {
        let limit = min(query.limit ?? maxPageSize, maxPageSize)
        let start = max(query.addedAfter ?? TAXIITimestamp(microseconds: .min), query.after ?? TAXIITimestamp(microseconds: .min))
        let all = collection.objects
        // First position strictly after `start` (binary search: date_added ascends).
        var low = 0
        var high = all.count
        while low < high {
            let middle = (low + high) / 2
            if all[middle].dateAdded <= start { low = middle + 1 } else { high = middle }
        }
        // Concrete iteration, not an AnySequence: its generic witnesses showed up in perf at 1,000,000 objects.
        var merged = candidates.map { PositionMerge($0, from: low) }
        var sequential = low
        var picked: [ServedObject] = []
        picked.reserveCapacity(min(limit, 1024))
        var more = false
        while true {
            let position: Int
            if merged != nil {
                guard let next = merged?.next() else { break }
                position = next
            } else {
                guard sequential < all.count else { break }
                position = sequential
                sequential += 1
            }
            let object = all[position]
            guard query.matches(object) else { continue }
            if picked.count == limit {
                more = true
                break
            }
            picked.append(object)
        }
        objects = picked
        hasMore = more
    }

    /// The X-TAXII-Date-Added-First/Last headers, when the page has objects.
    var dateHeaders: [(String, String)] {
        guard let first = objects.first, let last = objects.last else { return [] }
        return [
            ("X-TAXII-Date-Added-First", first.dateAdded.description),
            ("X-TAXII-Date-Added-Last", last.dateAdded.description),
        ]
    }
}

extension ServedCollection {
    /// The position lists of the objects a query's `match[id]` names, else of the types its `match[type]` names
    /// (the other filter is then checked object by object); `nil` when it names neither.
    func candidates(for query: ObjectQuery) -> [[Int]]? {
        if let ids = query.ids { return ids.map { positions[$0] ?? [] } }
        if let types = query.types { return types.map { typePositions[$0] ?? [] } }
        return nil
    }
}
