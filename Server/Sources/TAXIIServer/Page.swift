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

    /// Selects from `candidates` (ascending positions in `collection.objects`) or from every object.
    init(_ collection: ServedCollection, query: ObjectQuery, maxPageSize: Int, candidates: [Int]? = nil) {
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
        let positions: AnySequence<Int> =
            candidates.map { list in AnySequence(list.lazy.filter { $0 >= low }) } ?? AnySequence(low..<all.count)
        var picked: [ServedObject] = []
        var more = false
        for position in positions where query.matches(all[position]) {
            if picked.count == limit {
                more = true
                break
            }
            picked.append(all[position])
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
    /// The positions of the objects a query's `match[id]` names, ascending; `nil` when it names none.
    func candidates(for query: ObjectQuery) -> [Int]? {
        guard let ids = query.ids else { return nil }
        return ids.flatMap { positions[$0] ?? [] }.sorted()
    }
}
