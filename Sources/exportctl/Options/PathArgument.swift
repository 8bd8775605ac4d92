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

    /// `text`, unless it is empty or `-`: a folder option has no standard output to fall back to, and a folder
    /// named `-` is almost always a mistaken `-o -`.
    static func folder(_ text: String) throws -> String {
        guard text != "-" else { throw ValidationError("'-' (standard output) cannot hold a folder; give a folder path (./- for a folder named '-')") }
        return try nonEmpty(text)
    }
}
