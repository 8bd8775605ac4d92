import Export

/// Small authoring documents and helpers shared by the reader tests.
enum AuthoringFixtures {
    /// A minimal valid report; tests append to it. Line numbers below refer to the appended text.
    static let header = """
        format_version: "1.0"
        title: Test report
        published: 2023-11-15
        producer: {id: test.example, name: Test}
        default_marking: {tlp: clear}

        """

    /// Lints `text`, returning each diagnostic as `line:col: severity: message`.
    static func lint(_ text: String, file: String = "t.yaml") -> [String] {
        AuthoringReader.read(Array(text.utf8), file: file).diagnostics.map { diagnostic in
            let place = diagnostic.location.map { "\($0.line):\($0.column): " } ?? ""
            return "\(place)\(diagnostic.severity.rawValue): \(diagnostic.message)"
        }
    }

    /// The hints of the diagnostics of `text`.
    static func hints(_ text: String) -> [String?] {
        AuthoringReader.read(Array(text.utf8), file: "t.yaml").diagnostics.map(\.hint)
    }

    static func read(_ text: String) -> ImportResult { AuthoringReader.read(Array(text.utf8), file: "t.yaml") }
}
