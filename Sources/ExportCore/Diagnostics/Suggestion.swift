/// Finds the known word nearest to a misspelt one, for "did you mean" hints.
package enum Suggestion {
    /// The candidate closest to `word` by edit distance, if it is close enough to be a plausible typo.
    package static func nearest(to word: String, in candidates: some Sequence<String>) -> String? {
        let target = Array(word.lowercased().unicodeScalars)
        var best: (word: String, distance: Int)?
        for candidate in candidates {
            // Only candidates of a similar length can be close; skipping the rest keeps large reports fast.
            let length = candidate.unicodeScalars.count
            guard abs(length - target.count) <= max(2, target.count / 3) else { continue }
            let distance = editDistance(target, Array(candidate.lowercased().unicodeScalars))
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        guard let best else { return nil }
        let allowed = max(2, min(target.count, best.word.count) / 3)
        return best.distance <= allowed ? best.word : nil
    }

    /// A hint naming the nearest candidate, or listing a few when none is close.
    package static func hint(for word: String, in candidates: [String], noun: String) -> String {
        if let near = nearest(to: word, in: candidates) { return "did you mean '\(near)'?" }
        let shown = candidates.prefix(12).joined(separator: ", ")
        return candidates.isEmpty ? "no \(noun) is defined" : "known \(noun)s: \(shown)\(candidates.count > 12 ? ", ..." : "")"
    }

    private static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
