/// Where the report's knowledge came from: an article, a statement, a named expert.
public struct Source: Sendable {
    /// The local id objects use to cite this source.
    public var id: String
    /// The source's name.
    public var name: String
    /// Where it can be retrieved.
    public var url: String?
    /// The lowercase hex SHA-256 of what was retrieved from `url`.
    public var sha256: String?
    /// What the source is or says.
    public var description: String?

    /// Creates a source.
    public init(id: String, name: String, url: String? = nil, sha256: String? = nil, description: String? = nil) {
        self.id = id
        self.name = name
        self.url = url
        self.sha256 = sha256
        self.description = description
    }
}

extension Source: Hashable {}
