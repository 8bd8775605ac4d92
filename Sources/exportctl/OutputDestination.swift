import Export

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Where `export` writes: standard output, one file, or one file per recipient in a folder.
enum OutputDestination {
    case standardOutput
    case file(String)
    case folder(String)

    /// Decides from `-o` and the number of recipients; several recipients need a folder.
    init(_ output: String?, recipientCount: Int, isFanOut: Bool) throws {
        guard let output, output != "-" else {
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
                throw ExportError(.io, "\(output): cannot create the folder: \(String(cString: strerror(errno)))")
            }
            self = .folder(output.hasSuffix("/") ? String(output.dropLast()) : output)
        } else if recipientCount > 1 || isFanOut {
            throw ExportError(.usage, "-o \(output) is a file, but several recipients need a folder (-o DIR/)")
        } else {
            self = .file(output)
        }
    }

    /// The path for one recipient's output (`nil` for standard output).
    func path(for stem: String?, extension fileExtension: String) -> String? {
        switch self {
        case .standardOutput: nil
        case .file(let path): path
        case .folder(let folder): "\(folder)/\(stem ?? "all").\(fileExtension)"
        }
    }
}
