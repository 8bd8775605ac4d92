package import ExportCore

/// Finds the names and aliases of withheld objects in every string of a recipient's view.
///
/// The rule, built once per recipient over the withheld names:
/// - matching is case-insensitive, on text folded as ``FoldedText`` says: any run of characters other than
///   letters and digits matches any other such run, so `Crimson Otter` is found in `crimson-otter`,
///   `crimson_otter`, `crimson.otter` and `crimson%20otter` (percent-escapes are decoded), and a name of several
///   words is also found written as one (`crimsonotter`, `CrimsonOtter`);
/// - a match counts only as a whole word (`Otter` is not found in `Otterly`), except next to a script written
///   without spaces (Han, Kana, Thai…), where a name is found inside a run of letters;
/// - names shorter than three characters, or that fold to fewer than three (`C++` folds to `c`), and names
///   that also belong to an object the recipient receives, are not searched;
/// - a name inside a longer match is not reported, and overlapping names are redacted as one.
///
/// One scan of a text costs time linear in its length plus its matches, whatever the number of names.
///
/// ```swift
/// let scanner = WithheldNameScanner(names: [(name: "Crimson Otter", owner: "crimson-otter")])
/// scanner.redact("https://news.example/crimson-otter-exposed", as: .url)   // ""
/// scanner.redact("Crimson Otter's tools")                                   // "[withheld]'s tools"
/// ```
package struct WithheldNameScanner {
    /// A withheld name found in a text.
    package typealias Match = (range: Range<String.Index>, name: String, owner: String)

    /// The name and owner of each pattern of the automaton, by pattern index.
    private let names: [(name: String, owner: String)]
    private let automaton: NameAutomaton

    /// A scanner for the names of the report's objects that the view does not keep.
    package init(report: ThreatReport, view: ThreatReport) {
        let received = Self.names(of: view)
        let kept = Set(received.map(\.owner))
        // Only names excuse a name: an id the recipient receives that holds a withheld object's UUID is the leak
        // itself, not a reason to stop looking for it.
        let ids = Set(Self.names(of: view, identifiersOnly: true).map(\.name))
        self.init(names: Self.names(of: report).filter { !kept.contains($0.owner) },
                  received: received.map(\.name).filter { !ids.contains($0) })
    }

    /// A scanner for `names`, each with the id of the object it belongs to; a name that is also one of
    /// `received` is not searched, since the recipient reads it anyway.
    package init(names withheld: [(name: String, owner: String)], received: [String] = []) {
        let receivedForms = Set(received.flatMap { Self.forms(of: $0) })
        var names: [(name: String, owner: String)] = []
        var patterns: [[Character]] = []
        for entry in withheld where entry.name.count >= 3 {
            for form in Self.forms(of: entry.name) where !receivedForms.contains(form) {
                names.append(entry)
                patterns.append(form)
            }
        }
        self.names = names
        automaton = NameAutomaton(patterns: patterns)
    }

    /// Every withheld name in `text`, in the order of where they start.
    ///
    /// A name inside a longer one found at the same place is not listed; two names may overlap (`Crimson Otter`
    /// and `Otter Unit Nine` in `Crimson Otter Unit Nine`), and ``redact(_:as:)`` covers both with one
    /// `[withheld]`. This is the entry point for strings that do not pass through the model, such as imported
    /// STIX JSON kept verbatim: call it on each string value (and each key that carries data) before writing it.
    package func matches(in text: String) -> [Match] {
        matches(in: text, decodings: 0)
    }

    private func matches(in text: String, decodings: Int) -> [Match] {
        guard !names.isEmpty, !text.isEmpty else { return [] }
        let folded = FoldedText(text)
        let occurrences = automaton.occurrences(in: folded.characters, where: folded.isWholeWord)
            .sorted { ($0.range.lowerBound, $1.range.upperBound) < ($1.range.lowerBound, $0.range.upperBound) }
        var result: [Match] = []
        var end = 0
        for occurrence in occurrences where occurrence.range.upperBound > end {
            let name = names[occurrence.pattern]
            result.append((folded.originalRange(of: occurrence.range), name.name, name.owner))
            end = occurrence.range.upperBound
        }
        // Folding decodes one layer of escapes. A text escaped twice (`%2543`, `&amp;#67;`) shows a name only
        // after a second decoding, where no place in the original stands for it: the whole text is the match.
        // What is left once the visible names are blanked is decoded again: a name found there was hidden under
        // a second layer (`%2520`), beside the visible ones or not. Each decoding shortens the text, and eight
        // layers are more than any honest text has.
        guard decodings < 8, text.utf8.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "&") }) else {
            return result
        }
        var rest = ""
        var start = text.startIndex
        for match in result where match.range.lowerBound >= start {
            rest += text[start..<match.range.lowerBound] + " "
            start = match.range.upperBound
        }
        rest += text[start...]
        guard let once = EscapeRun.decodingOnce(rest), once.contains("%") || once.contains("&"),
              let first = matches(in: once, decodings: decodings + 1).first
        else { return result }
        return [(text.startIndex..<text.endIndex, first.name, first.owner)] + result
    }

    /// `text` with withheld names redacted as `kind` says: in prose each name, or run of overlapping names,
    /// becomes `[withheld]`; a URL that names one becomes empty (leave it out); a vocabulary value that names one
    /// becomes `withheld`.
    package func redact(_ text: String, as kind: TextKind = .prose) -> String {
        let found = matches(in: text)
        guard !found.isEmpty else { return text }
        guard kind == .prose else { return kind.redaction }
        var result = ""
        var start = text.startIndex  // the end of what is already written or redacted
        for match in found {
            if match.range.lowerBound >= start {
                result += text[start..<match.range.lowerBound]
                result += kind.redaction
            }
            start = max(start, match.range.upperBound)
        }
        return result + text[start...]
    }

    /// One error per withheld name found, naming the object and the field.
    package func findings(in view: ThreatReport) -> [Diagnostic] {
        var findings = identifierFindings(in: view)
        var copy = view
        // An imported object's model fields were read from its JSON, which the view also carries: the same text
        // found again there would be the same error twice, so a text already reported is not reported again.
        var reported: Set<String> = []
        copy.rewriteFreeText { text, path, kind in
            let found = self.findings(in: text, at: path, as: kind)
            if !found.isEmpty { reported.insert(text) }
            findings += found
            return text
        }
        copy.rewriteImportedStrings { text, path, kind in
            if !reported.contains(text) { findings += self.findings(in: text, at: path, as: kind) }
            return text
        }
        return findings
    }

    /// One error per withheld name or UUID in an id that leaves: the local ids of released objects (report XML
    /// and JSON, our STIX extension) and the ids of imported objects kept verbatim. An id cannot be redacted
    /// (references hang on it), so these stay errors under `--redact` (``SharingPolicy``).
    func identifierFindings(in view: ThreatReport) -> [Diagnostic] {
        var ids: [(id: String, path: String)] = view.actors.map { ($0.id, "actors['\($0.id)'].id") }
        ids += view.intrusionSets.map { ($0.id, "intrusion_sets['\($0.id)'].id") }
        ids += view.campaigns.map { ($0.id, "campaigns['\($0.id)'].id") }
        ids += view.partnerships.map { ($0.id, "partnerships['\($0.id)'].id") }
        ids += view.incidents.map { ($0.id, "incidents['\($0.id)'].id") }
        ids += view.verbatimObjects.compactMap { object in object["id"]?.stringValue.map { ($0, "imported object '\($0)'.id") } }
        ids += view.detectionIdentifiers
        return ids.flatMap { entry in
            matches(in: entry.id).map { match in
                Diagnostic(.error, "\(entry.path) names '\(match.name)' (\(match.owner)), which the recipient does not receive",
                           hint: entry.path.hasSuffix(".id")
                               ? "an id cannot be redacted: rename the object, or leave it out of this release"
                               : "a pattern or an observable's value cannot be redacted: mark it at least as strictly as what it names")
            }
        }
    }

    /// One error per withheld name in `text`, which stands at `path` of the view (`actors['x'].description`) or
    /// of an imported object, worded as every finding of the scan is, with the hint for `kind`.
    package func findings(in text: String, at path: String, as kind: TextKind = .prose) -> [Diagnostic] {
        matches(in: text).map { match in
            Diagnostic(.error, "\(path) names '\(match.name)' (\(match.owner)), which the recipient does not receive",
                       hint: kind.hint)
        }
    }

    /// The view with every withheld name redacted, as ``TextKind`` says for each field.
    package func redacting(_ view: ThreatReport) -> ThreatReport {
        var copy = view
        copy.rewriteFreeText { text, _, kind in redact(text, as: kind) }
        copy.rewriteImportedStrings { text, _, kind in
            let redacted = redact(text, as: kind)
            return redacted.isEmpty && !text.isEmpty ? nil : redacted
        }
        return copy
    }

    /// The folded name, and for a name of several words the same written as one (`crimsonotter`).
    private static func forms(of name: String) -> [[Character]] {
        let folded = FoldedText.foldName(name)
        guard folded.count >= 3 else { return [] }  // `C++` folds to `c`, which would match every lone c
        let joined = folded.filter { $0 != FoldedText.separator }
        return joined.count == folded.count || joined.count < 3 ? [folded] : [folded, joined]
    }

    /// Every name of every object of `report` with the object's local id: names, aliases, titles, observables'
    /// values, and the STIX ids of imported content; with `identifiersOnly`, the STIX ids alone.
    static func names(of report: ThreatReport, identifiersOnly: Bool = false) -> [(name: String, owner: String)] {
        func each(_ id: String, _ names: [String]) -> [(name: String, owner: String)] { names.map { ($0, id) } }
        // A modelled object that came from STIX keeps its STIX id, which names it as surely as its name.
        var importedIDs: [(stixID: String, owner: String)] = report.modelObjects.compactMap { owner, json in
            json?["id"]?.stringValue.map { ($0, owner) }
        }
        importedIDs += report.importedIDs.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        let identifiers = report.verbatimObjects.flatMap { object in
            object["id"]?.stringValue.map { each($0, identifierForms($0)) } ?? []
        } + importedIDs.flatMap { each($0.owner, identifierForms($0.stixID)) }
        if identifiersOnly { return identifiers }
        return report.actors.flatMap { each($0.id, [$0.name] + $0.aliases) }
            + report.intrusionSets.flatMap { each($0.id, [$0.name] + $0.aliases) }
            + report.campaigns.flatMap { each($0.id, [$0.name] + $0.aliases) }
            + report.partnerships.flatMap { each($0.id, [$0.name] + $0.aliases) }
            + report.incidents.map { ($0.title, $0.id) }
            + report.indicators.map { ($0.name, $0.id) }
            + report.observables.flatMap { each($0.id, $0.identifyingStrings) }
            + report.malware.flatMap { each($0.id, [$0.name] + $0.aliases) }
            + report.tools.flatMap { each($0.id, [$0.name] + $0.aliases) }
            + report.verbatimObjects.filter { !ViewBuilder.isSupport($0) }.flatMap { object in
                let names = [object["name"]?.stringValue].compactMap { $0 }
                    + (object["aliases"]?.arrayValue ?? []).compactMap(\.stringValue)
                return each(object["id"]?.stringValue ?? "", names)
            }
            + identifiers
    }

    /// A STIX id and its UUID alone: an outsider wrote a withheld object's id into a note's prose, a custom
    /// property and a dictionary key, where the reference closure does not look.
    private static func identifierForms(_ id: String) -> [String] {
        guard let separator = id.firstRange(of: "--") else { return [] }
        return [id, String(id[separator.upperBound...])]
    }
}
