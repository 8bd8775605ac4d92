#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Writes a regular file so that readers see the previous version or the complete new one, never a partial file.
///
/// Bytes go to a temporary file in the destination's folder; ``commit()`` flushes, syncs and renames it over
/// the destination. Dropping the value without committing removes the temporary file, and so does SIGINT,
/// SIGTERM or SIGHUP once ``TemporaryFileRegistry/removeOnTermination()`` is installed.
///
/// Only a regular file is ever replaced: a symlink, FIFO, device, socket or folder at `path` is refused, since
/// renaming over it would destroy it rather than write to it. A new file gets mode 0666 minus the umask; an
/// existing file keeps its mode.
///
/// ```swift
/// var file = try AtomicFile(path: "out/bundle.json")
/// try file.sink.write(bytes)
/// try file.commit()
/// ```
public final class AtomicFile {
    /// Where the writer's bytes go.
    public var sink: FileDescriptorSink
    private let path: String
    private let temporaryPath: String
    private let slot: Int?
    private let existingMode: mode_t?
    private var descriptor: Int32
    private var isFinished = false

    /// Creates the temporary file next to `path`.
    /// - Throws: ``ExportError`` `.io` when `path` exists and is not a regular file, or when the folder is
    ///   missing or not writable.
    public init(path: String) throws {
        self.path = path
        existingMode = try Self.existingRegularFileMode(path)
        // A new file is created 0666 minus the umask by open(2), as it will stay. In place of an existing file,
        // the temporary file is 0600 until commit gives it that file's mode: a file kept private must not be
        // readable by others while it is written (a reader could open it then and read on).
        let (fd, temporaryPath) = try Self.createTemporary(next: path, mode: existingMode == nil ? 0o666 : 0o600)
        descriptor = fd
        self.temporaryPath = temporaryPath
        slot = TemporaryFileRegistry.register(temporaryPath)
        sink = FileDescriptorSink(descriptor: fd, name: path)
    }

    /// The permission bits of the regular file at `path`, `nil` when nothing is there.
    private static func existingRegularFileMode(_ path: String) throws -> mode_t? {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            guard errno == ENOENT else {
                throw ExportError(.io, "\(VisibleText.path(path)): cannot write there: \(String(cString: strerror(errno)))")
            }
            return nil
        }
        let kind = info.st_mode & S_IFMT
        guard kind == S_IFREG else {
            let what =
                switch kind {
                case S_IFLNK: "a symbolic link"
                case S_IFDIR: "a folder"
                case S_IFIFO: "a FIFO"
                case S_IFCHR, S_IFBLK: "a device"
                default: "not a regular file"
                }
            throw ExportError(.io, "\(VisibleText.path(path)): is \(what); exportctl replaces only regular files (-o - writes to standard output)")
        }
        return info.st_mode & 0o7777
    }

    /// Opens `.<base>.tmp-<random>` beside `path`, exclusively, shortening the base so the name fits NAME_MAX.
    private static func createTemporary(next path: String, mode: mode_t) throws -> (Int32, String) {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        var base = Substring(slash.map { String(path[path.index(after: $0)...]) } ?? path)
        let suffixLength = ".tmp-".utf8.count + 12
        while 1 + base.utf8.count + suffixLength > 255 { base = base.dropLast() }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<100 {
            let random = String(generator.next() & 0xFFFF_FFFF_FFFF, radix: 16)
            let candidate = folder + "." + base + ".tmp-" + String(repeating: "0", count: 12 - random.count) + random
            let fd = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
            if fd >= 0 { return (fd, candidate) }
            if errno != EEXIST { break }
        }
        throw ExportError(.io, "\(VisibleText.path(path)): cannot create a file there: \(String(cString: strerror(errno)))")
    }

    /// Flushes, syncs and renames the temporary file over the destination.
    public func commit() throws {
        try sink.flush()
        if let existingMode, fchmod(descriptor, existingMode) != 0 { throw failure("cannot keep the mode") }
        guard fsync(descriptor) == 0 else { throw failure("cannot sync") }
        guard close(descriptor) == 0 else { throw failure("cannot close") }
        descriptor = -1
        // Checked again: something other than a regular file may have appeared at the path meanwhile.
        do { _ = try Self.existingRegularFileMode(path) } catch { abandon(); throw error }
        guard rename(temporaryPath, path) == 0 else { throw failure("cannot rename into place") }
        isFinished = true
        TemporaryFileRegistry.unregister(slot)
    }

    /// Removes the temporary file; the destination keeps whatever it held before.
    public func abandon() {
        guard !isFinished else { return }
        isFinished = true
        if descriptor >= 0 { close(descriptor) }
        unlink(temporaryPath)
        TemporaryFileRegistry.unregister(slot)
    }

    deinit { abandon() }

    private func failure(_ what: String) -> ExportError {
        let reason = String(cString: strerror(errno))
        abandon()
        return ExportError(.io, "\(VisibleText.path(path)): \(what): \(reason)")
    }
}
