/// The filters and paging parameters of a TAXII GET on objects, manifest, an object or its versions.
///
/// Malformed values are a 400 with a TAXII error body, never a crash: a repeated parameter, a date without a
/// time, a `limit` that is not a positive integer, a `next` this server did not write.
struct ObjectQuery: Sendable {
    /// A `match[version]` value.
    enum VersionMatch: Sendable, Hashable {
        case first, last, all
        case exactly(TAXIITimestamp)
    }

    var addedAfter: TAXIITimestamp?
    var limit: Int?
    /// The `date_added` of the last object of the previous page.
    var after: TAXIITimestamp?
    var ids: Set<String>?
    var types: Set<String>?
    var versions: Set<VersionMatch>?
    var specVersions: Set<String>?

    /// Parses a raw query string (`added_after=...&match%5Btype%5D=indicator,malware`).
    init(_ query: String?) throws(TAXIIError) {
        var seen: Set<String> = []
        for pair in (query ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = try Self.decode(parts[0])
            let value = try Self.decode(parts.count > 1 ? parts[1] : "")
            guard seen.insert(key).inserted else { throw .badRequest("\(Self.shown(key)) is given more than once") }
            func list() throws(TAXIIError) -> Set<String> {
                let values = value.split(separator: ",").map(String.init)
                guard !values.isEmpty else { throw .badRequest("\(key) needs at least one value") }
                return Set(values)
            }
            switch key {
            case "added_after": addedAfter = try TAXIITimestamp(parsing: value)
            case "limit":
                guard value.utf8.count <= 9, let number = Int(value), number > 0, value.utf8.allSatisfy({ (48...57).contains($0) })
                else { throw .badRequest("limit must be a positive integer") }
                limit = number
            case "next":
                guard value.hasPrefix("a"), let micros = Int64(value.dropFirst()), micros >= 0 else {
                    throw .badRequest("next must be a value this server sent in an envelope's next")
                }
                after = TAXIITimestamp(microseconds: micros)
            case "match[id]": ids = try list()
            case "match[type]": types = try list()
            case "match[spec_version]": specVersions = try list()
            case "match[version]":
                var matches: Set<VersionMatch> = []
                for text in try list() {
                    switch text {
                    case "first": matches.insert(.first)
                    case "last": matches.insert(.last)
                    case "all": matches.insert(.all)
                    default: matches.insert(.exactly(try TAXIITimestamp(parsing: text, parameter: "match[version]")))
                    }
                }
                if matches.contains(.all), matches.count > 1 { throw .badRequest("match[version]=all cannot be combined") }
                versions = matches
            default: continue  // unknown parameters and match fields may be ignored (TAXII 2.1 section 3.5)
            }
        }
    }

    /// The cursor a `next` carries: after this object.
    static func cursor(after object: ServedObject) -> String { "a" + String(object.dateAdded.microseconds) }

    /// Whether an object passes the `match[...]` filters. Each object has one version here, so `first`, `last` and
    /// `all` all select it.
    func matches(_ object: ServedObject) -> Bool {
        if let ids, !ids.contains(object.id) { return false }
        if let types, !types.contains(object.type) { return false }
        if let specVersions, !specVersions.contains(object.specVersion) { return false }
        if let versions {
            let exact = versions.compactMap { if case .exactly(let time) = $0 { time } else { nil } }
            if exact.count == versions.count {
                guard let version = try? TAXIITimestamp(parsing: object.version, parameter: "version"),
                    exact.contains(version)
                else { return false }
            }
        }
        return true
    }

    /// Percent-decodes one query component (`+` is a space); malformed escapes or invalid UTF-8 are a 400.
    private static func decode(_ text: Substring) throws(TAXIIError) -> String {
        guard let bytes = PercentDecoding.bytes(text, plusIsSpace: true) else {
            throw .badRequest("the query has a malformed %-escape")
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else { throw .badRequest("the query is not UTF-8") }
        return decoded
    }

    /// A parameter name as an error message may show it: printable ASCII, at most 40 characters.
    private static func shown(_ key: String) -> String {
        String(key.unicodeScalars.prefix(40).map { $0.isASCII && $0.value >= 32 && $0.value < 127 ? Character($0) : "?" })
    }
}
