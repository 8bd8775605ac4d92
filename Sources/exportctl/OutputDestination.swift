import Export

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Where `export` writes: standard output, one file, or one file per recipient in a folder.
///
/// File names in a folder come from recipients' names, which a report chooses; each is reduced to a safe,
/// unique name (``SafeFileName``) so that nothing is written outside the folder.
enum OutputDestination {
    case standardOutput
    case file(String)
    case folder(String)

    /// Decides from `-o` and the number of recipients; several recipients need a folder.
    init(_ output: String?, recipientCount: Int, isFanOut: Bool) throws {
        guard let output, !Self.isStandardOutput(output) else {
            if recipientCount > 1 || isFanOut {
                throw ExportError(.usage, "several recipients need -o DIR: one file each, named after the recipient")
            }
            self = .standardOutput
            return
        }
        var info = stat()
        let isFolder = output.hasSuffix("/") || (stat(output, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR)
        if isFolder {
            if stat(output, &info) != 0 && mkdir(output, 0o755) != 0 {
                throw ExportError(.io, "\(VisibleText.path(output)): cannot create the folder: \(String(cString: strerror(errno)))")
            }
            self = .folder(output.hasSuffix("/") ? String(output.dropLast()) : output)
        } else if recipientCount > 1 || isFanOut {
            throw ExportError(.usage, "-o \(VisibleText.path(output)) is a file, but several recipients need a folder (-o DIR/)")
        } else {
            self = .file(output)
        }
    }

    /// Whether `-o` names standard output: `-`, or `/dev/stdout`, which is written to, never replaced.
    static func isStandardOutput(_ output: String) -> Bool { output == "-" || output == "/dev/stdout" }

    /// The path for one recipient's output (`nil` for standard output), its name unique among `names`.
    /// - Throws: ``ExportError`` `.io` when the name would leave the folder (the sanitising prevents that).
    func path(for stem: String?, extension fileExtension: String, names: inout UniqueFileNames) throws -> String? {
        switch self {
        case .standardOutput: nil
        case .file(let path): path
        case .folder(let folder):
            try SafeFileName.path(in: folder, name: names.name(for: stem ?? "all", extension: fileExtension))
        }
    }
}
