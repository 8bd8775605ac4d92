import ArgumentParser

/// Paths given on the command line. An empty one names nothing: `-o "$OUT"` in a script whose variable is unset
/// fell back to standard output (`--misp-feed`, `-o`), ran without schemas (`--stix12-schemas`) or failed with a
/// message naming no file. It is a usage error at parse time instead.
enum PathArgument {
    /// `text`, unless it is empty.
    static func nonEmpty(_ text: String) throws -> String {
        guard !text.isEmpty else { throw ValidationError("an empty path names no file or folder") }
        return text
    }
}
