/// Who produced the report: a stable id that seeds every object's UUID, and a display name.
public struct Producer: Sendable {
    /// A stable, globally unique string such as a DNS name (`cert.example.gov`); it must never change.
    public var id: String
    /// The producer's name as partners should see it.
    public var name: String

    /// Creates a producer.
    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

extension Producer: Hashable {}
