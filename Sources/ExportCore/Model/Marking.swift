/// Who may receive an object or a link: a TLP level and an optional releasable-to list.
///
/// ```swift
/// let fiveEyesOnly = Marking(tlp: .amber, releasableTo: [.party("five-eyes")])
/// let indiaOnly = Marking(tlp: .red, releasableTo: [.country(CountryCode("IND")!)])
/// ```
public struct Marking: Sendable {
    /// The TLP 2.0 level.
    public var tlp: TLP
    /// Countries and parties the item may be released to; empty means the TLP level alone decides.
    public var releasableTo: [Releasee]
    /// Markings read from another producer's file that exportctl does not understand (a statement, an
    /// unknown definition type, ACS controls beyond nationality, a definition the file references but
    /// lacks), each described for the analyst. Any entry makes the marking release nothing: a restriction
    /// we cannot read must not be widened by a default.
    public var notUnderstood: [String]

    /// Creates a marking.
    public init(tlp: TLP, releasableTo: [Releasee] = [], notUnderstood: [String] = []) {
        self.tlp = tlp
        self.releasableTo = releasableTo
        self.notUnderstood = notUnderstood
    }
}

extension Marking: Hashable {}

extension Marking {
    /// The marking in words, as `plan` shows labels: `TLP:AMBER, releasable to IND, USA`.
    public var label: String {
        releasableTo.isEmpty ? tlp.label : "\(tlp.label), releasable to " + releasableTo.map(\.text).joined(separator: ", ")
    }
}

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
