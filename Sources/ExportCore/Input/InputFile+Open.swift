#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

extension InputFile {
    /// What an opened input is, as far as reading it goes.
    enum Kind {
        /// A regular file: it can be read at any offset, again and again.
        case regular(size: Int)
        /// A pipe, FIFO, socket or terminal on standard input: bytes arrive once.
        case stream
    }

    /// Whether `path` itself (not what a symbolic link there points to) is a regular file: what a file that an
    /// input names, rather than the user, must be. A FIFO there would block the reader forever, and a link could
    /// reach any file of the reader's.
    package static func isPlainFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    /// Opens `path` (`-` for standard input) for reading, refusing what exportctl never reads.
    ///
    /// A named path must be a regular file or a pipe (a FIFO, `/dev/stdin` on a pipe, `<(...)`); standard input
    /// may also be a socket or a terminal. Devices (`/dev/urandom`, `/dev/zero`, a disk) and sockets are
    /// refused before a byte is read: they have no end, or reading them has effects. The type is checked on
    /// the path first (so opening a device never happens) and again on the descriptor (so a path swapped
    /// between the two checks is caught).
    /// - Returns: the descriptor (the caller closes it unless it is 0), what it is, and the name diagnostics use.
    /// - Throws: ``ExportError`` `.io` for a missing, unreadable, directory, device or socket path.
    static func openChecked(_ path: String) throws -> (descriptor: Int32, kind: Kind, name: String) {
        if path == "-" {
            var info = stat()
            guard fstat(0, &info) == 0 else { throw failure(standardInputName, "cannot read") }
            let type = info.st_mode & S_IFMT
            if type == S_IFREG { return (0, .regular(size: Int(info.st_size)), standardInputName) }
            if type == S_IFCHR && isatty(0) == 0 || type == S_IFBLK || type == S_IFDIR {
                throw refusal(standardInputName, type)
            }
            return (0, .stream, standardInputName)
        }
        var info = stat()
        guard stat(path, &info) == 0 else { throw failure(path, "cannot read") }
        try requireReadable(path, info.st_mode & S_IFMT)
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(path, "cannot open") }
        guard fstat(descriptor, &info) == 0 else {
            let error = failure(path, "cannot read")
            close(descriptor)
            throw error
        }
        let type = info.st_mode & S_IFMT
        do {
            try requireReadable(path, type)
        } catch {
            close(descriptor)
            throw error
        }
        return (descriptor, type == S_IFREG ? .regular(size: Int(info.st_size)) : .stream, path)
    }

    private static func requireReadable(_ path: String, _ type: mode_t) throws {
        guard type != S_IFREG, type != S_IFIFO else { return }
        throw refusal(path, type)
    }

    /// The located `.io` error for an input of a type exportctl does not read.
    private static func refusal(_ name: String, _ type: mode_t) -> ExportError {
        let what: String
        let hint: String
        switch type {
        case S_IFDIR: (what, hint) = ("a directory", "name a file inside it")
        case S_IFCHR: (what, hint) = ("a character device", readableHint)
        case S_IFBLK: (what, hint) = ("a block device", readableHint)
        case S_IFSOCK: (what, hint) = ("a socket", readableHint)
        default: (what, hint) = ("neither a file nor a pipe", readableHint)
        }
        let message = type == S_IFDIR || type == S_IFCHR || type == S_IFBLK || type == S_IFSOCK ? "is \(what), not a file" : "is \(what)"
        return ExportError(
            .io, "\(name): \(message)",
            diagnostics: [Diagnostic(.error, message, at: SourceLocation(file: name, line: 1, column: 1), hint: hint)])
    }

    private static let readableHint = "exportctl reads regular files, pipes and standard input; copy the data to a file first"

    static func failure(_ path: String, _ what: String) -> ExportError {
        let reason = String(cString: strerror(errno))
        return ExportError(.io, "\(path): \(what): \(reason)")
    }
}
