/// Something seen on a network or a host: an address, a domain, a URL, an e-mail address or a file.
///
/// An address, domain, URL or e-mail address has a ``value``; a file has ``hashes`` and may have a ``fileName``.
///
/// ```swift
/// let address = Observable(id: "c2-ip", kind: .ipv4, value: "203.0.113.5")
/// let dropper = Observable(id: "dropper", kind: .file,
///                          hashes: [FileHash(.sha256, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")])
/// ```
public struct Observable: Sendable {
    /// The author's handle, unique in the report.
    public var id: String
    /// What it is.
    public var kind: ObservableKind
    /// The address (with an optional CIDR suffix), domain name, URL or e-mail address; `nil` for a file.
    public var value: String?
    /// A file's hashes, one per algorithm, in ``HashAlgorithm`` order.
    public var hashes: [FileHash]
    /// A file's name.
    public var fileName: String?
    /// Incidents in which it was seen.
    public var involvedIn: [Link] = []
    /// Who may receive it; `nil` means the report's default.
    public var marking: Marking?
    /// The STIX 2.1 object this was imported from, when another producer wrote it: the STIX writer writes it
    /// back unchanged (its id, timestamps and metadata included); other formats write the modelled fields.
    public var imported: JSONValue? = nil

    /// Creates an observable.
    public init(
        id: String, kind: ObservableKind, value: String? = nil, hashes: [FileHash] = [], fileName: String? = nil,
        marking: Marking? = nil
    ) {
        self.id = id
        self.kind = kind
        self.value = value
        self.hashes = hashes
        self.fileName = fileName
        self.marking = marking
    }

    /// The strings that identify it (its value, or its hashes and file name): what a recipient who may not see
    /// it must not find anywhere else, a pattern included.
    public var identifyingStrings: [String] {
        [value, fileName].compactMap { $0 } + hashes.map(\.value)
    }
}

extension Observable: Hashable {}

/// The kinds of observable exportctl models, named as their STIX 2.1 cyber-observable types.
public enum ObservableKind: String, Sendable, Hashable, CaseIterable {
    case ipv4 = "ipv4-addr"
    case ipv6 = "ipv6-addr"
    case domain = "domain-name"
    case url
    case email = "email-addr"
    case file
}

/// A file hash algorithm STIX names in its `hashes` dictionaries, in the order the spec prefers for ids.
public enum HashAlgorithm: String, Sendable, Hashable, CaseIterable, Comparable {
    case md5 = "MD5"
    case sha1 = "SHA-1"
    case sha256 = "SHA-256"
    case sha512 = "SHA-512"

    /// How many hexadecimal digits a digest of this algorithm has.
    public var hexLength: Int {
        switch self {
        case .md5: 32
        case .sha1: 40
        case .sha256: 64
        case .sha512: 128
        }
    }

    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a) ?? 0 < allCases.firstIndex(of: b) ?? 0
    }
}

/// One digest of a file.
public struct FileHash: Sendable, Hashable {
    /// The algorithm.
    public var algorithm: HashAlgorithm
    /// The digest in hexadecimal, as written.
    public var value: String

    /// Creates a digest.
    public init(_ algorithm: HashAlgorithm, _ value: String) {
        self.algorithm = algorithm
        self.value = value
    }
}
