import ExportCore

/// The report XML element names of observable kinds and hash algorithms: each has its own element so that the
/// schema can give each value its own type (an IPv4 address, a 64-digit SHA-256), which one `kind` attribute
/// over one `value` element could not.
extension ObservableKind {
    /// The element that holds an observable of this kind (`ipv4Address`, `file`).
    var reportXMLElement: String {
        switch self {
        case .ipv4: "ipv4Address"
        case .ipv6: "ipv6Address"
        case .domain: "domainName"
        case .url: "url"
        case .email: "emailAddress"
        case .file: "file"
        }
    }

    /// The kind whose element has this name.
    init?(reportXMLElement name: String) {
        guard let kind = Self.allCases.first(where: { $0.reportXMLElement == name }) else { return nil }
        self = kind
    }
}

extension HashAlgorithm {
    /// The element that holds a digest of this algorithm inside `<file>` (`sha256`); the schema orders them as
    /// ``HashAlgorithm/allCases`` does.
    var reportXMLElement: String {
        switch self {
        case .md5: "md5"
        case .sha1: "sha1"
        case .sha256: "sha256"
        case .sha512: "sha512"
        }
    }
}
