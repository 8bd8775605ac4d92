extension Marking {
    /// Parses the command-line form `TLP[:ENTRY,ENTRY...]`, e.g. `clear`, `amber:five-eyes`, `red:IND`.
    ///
    /// Entries in capitals are country codes (alpha-2 or alpha-3); others are party ids.
    /// - Throws: ``ExportError`` `.usage` naming what is wrong.
    public init(parsing text: String) throws {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard let level = parts.first.flatMap({ TLP(rawValue: $0.lowercased()) }) else {
            throw ExportError(
                .usage, "'\(text)' is not a marking: start with a TLP level (\(TLP.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        var entries: [Releasee] = []
        for entry in parts.count > 1 ? parts[1].split(separator: ",").map(String.init) : [] {
            if entry == entry.uppercased(), entry.allSatisfy(\.isLetter) {
                guard let code = CountryCode(entry) else { throw ExportError(.usage, "unknown country code '\(entry)' in '\(text)'") }
                entries.append(.country(code))
            } else {
                entries.append(.party(entry))
            }
        }
        self.init(tlp: level, releasableTo: entries)
    }
}
