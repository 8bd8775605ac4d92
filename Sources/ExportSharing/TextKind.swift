import ExportCore

/// What a string of a recipient's view is, which decides how a withheld name found in it is redacted.
///
/// The sharing layer scans every string that leaves in a view, not only prose; what `--redact` may write in
/// place of a name depends on what keeps the field valid in every format.
package enum TextKind: Hashable, Sendable {
    /// Free prose (titles, names, descriptions, roles, goals): the name is replaced by `[withheld]`.
    case prose
    /// A URL: the whole URL is dropped. `[withheld]` is not valid in a URL, and a link rewritten any other way
    /// could lead to somebody else's page.
    case url
    /// An open-vocabulary value (sector, motivation, incident kind, partnership scope, membership role…): the
    /// whole value becomes `withheld`, itself a valid open-vocabulary token, since a vocabulary value is one
    /// term and half of it says nothing true.
    case vocabulary

    /// What `--redact` writes in place of the whole field or of the name, as the kind says.
    var redaction: String {
        switch self {
        case .prose: "[withheld]"
        case .url: ""
        case .vocabulary: "withheld"
        }
    }

    /// The hint of a diagnostic about a withheld name in a field of this kind.
    var hint: String {
        switch self {
        case .prose: "reword it, or pass --redact to write [withheld] in its place"
        case .url: "cite another URL, or pass --redact to leave the URL out"
        case .vocabulary: "choose another value, or pass --redact to write the value 'withheld' instead"
        }
    }
}
