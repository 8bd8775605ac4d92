/// Finds the names and aliases of withheld objects in the free text of a recipient's view.
///
/// Matching is case-insensitive and by whole words; names shorter than three characters, and names that also
/// belong to an object the recipient receives, are not searched. Texts are split into words once and names are
/// looked up by their first word, so the scan stays linear in the size of the view.
struct WithheldNameScanner {
    private struct Name {
        let words: [String]
        let text: String
        let owner: String
    }

    private var byFirstWord: [String: [Name]] = [:]

    init(report: ThreatReport, view: ThreatReport) {
        var receivedNames: Set<String> = []
        var kept: Set<String> = []
        for (id, names) in Self.names(of: view) {
            kept.insert(id)
            receivedNames.formUnion(names.map { $0.lowercased() })
        }
        for (id, names) in Self.names(of: report) where !kept.contains(id) {
            for name in names where name.count >= 3 && !receivedNames.contains(name.lowercased()) {
                let words = Self.words(name).map(\.word)
                guard let first = words.first else { continue }
                byFirstWord[first, default: []].append(Name(words: words, text: name, owner: id))
            }
        }
    }

    /// One error per withheld name found, naming the object and the field.
    func findings(in view: ThreatReport) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        var copy = view
        copy.rewriteFreeText { text, path in
            for (_, name) in matches(in: text) {
                findings.append(Diagnostic(
                    .error, "\(path) names '\(name.text)' (\(name.owner)), which the recipient does not receive",
                    hint: "reword it, or pass --redact to write [withheld] in its place"))
            }
            return text
        }
        return findings
    }

    /// The view with every withheld name replaced by `[withheld]`.
    func redacting(_ view: ThreatReport) -> ThreatReport {
        var copy = view
        copy.rewriteFreeText { text, _ in
            var result = text
            for (range, _) in matches(in: text).reversed() { result.replaceSubrange(range, with: "[withheld]") }
            return result
        }
        return copy
    }

    private func matches(in text: String) -> [(Range<String.Index>, Name)] {
        guard !byFirstWord.isEmpty else { return [] }
        let words = Self.words(text)
        var found: [(Range<String.Index>, Name)] = []
        var i = 0
        while i < words.count {
            let candidates = (byFirstWord[words[i].word] ?? []).sorted { $0.words.count > $1.words.count }
            let hit = candidates.first { name in
                i + name.words.count <= words.count && zip(name.words, words[i...]).allSatisfy { $0 == $1.word }
            }
            if let hit {
                found.append((words[i].range.lowerBound..<words[i + hit.words.count - 1].range.upperBound, hit))
                i += hit.words.count
            } else {
                i += 1
            }
        }
        return found
    }

    /// Lowercased words (runs of letters and digits) with their ranges.
    private static func words(_ text: String) -> [(word: String, range: Range<String.Index>)] {
        var result: [(String, Range<String.Index>)] = []
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let isWordCharacter = text[index].isLetter || text[index].isNumber
            if isWordCharacter, start == nil { start = index }
            if !isWordCharacter, let begin = start {
                result.append((text[begin..<index].lowercased(), begin..<index))
                start = nil
            }
            index = text.index(after: index)
        }
        if let begin = start { result.append((text[begin...].lowercased(), begin..<text.endIndex)) }
        return result
    }

    private static func names(of report: ThreatReport) -> [(String, [String])] {
        report.actors.map { ($0.id, [$0.name] + $0.aliases) }
            + report.intrusionSets.map { ($0.id, [$0.name] + $0.aliases) }
            + report.campaigns.map { ($0.id, [$0.name] + $0.aliases) }
            + report.partnerships.map { ($0.id, [$0.name] + $0.aliases) }
            + report.incidents.map { ($0.id, [$0.title]) }
    }
}
