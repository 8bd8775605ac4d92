#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Writes a flat folder of files so that it holds the previous set or the complete new one, never a mix.
///
/// Files go into a private staging folder beside the destination; ``commit()`` moves an existing destination
/// aside, renames the staging folder into place and removes the old one. An interrupted run leaves the
/// destination as it was. Replacing the folder whole, rather than file by file, also means no file of an earlier
/// run stays behind: a feed that no longer lists an event must not keep serving it.
///
/// Only a folder whose every entry `replaces` accepts is ever replaced, so a mistyped path cannot delete someone's
/// files; a symlink, a file or a folder with subfolders at `path` is refused.
///
/// ```swift
/// let folder = try AtomicFolder(path: "feed", replaces: { $0 == "manifest.json" || $0.hasSuffix(".json") })
/// try write(bytes, to: folder.stagingPath + "/manifest.json")
/// try folder.commit()
/// ```
public final class AtomicFolder {
    /// The folder to write into; it becomes `path` on ``commit()``.
    public let stagingPath: String
    private let path: String
    /// `path`'s folder, with its trailing slash (empty for the current folder), and its last component.
    private let parent: String, base: String
    private let existingMode: mode_t?
    private let replaces: (String) -> Bool
    private var isFinished = false

    /// Checks what is at `path` and creates the staging folder beside it (and `path`'s missing parents).
    /// - Parameters:
    ///   - path: the folder to write; a trailing slash is ignored.
    ///   - replaces: whether an entry of an existing folder at `path` is one this writer would write.
    /// - Throws: ``ExportError`` `.io` when `path` is not a folder this writer may replace, or a folder cannot
    ///   be created.
    public init(path: String, replaces: @escaping (String) -> Bool) throws {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        let path = String(trimmed)
        let slash = path.lastIndex(of: "/")
        self.path = path
        self.replaces = replaces
        parent = slash.map { String(path[...$0]) } ?? ""
        base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        existingMode = try Self.existingMode(path, replaces: replaces)
        try Self.makeFolders(parent)
        stagingPath = try Self.makeStaging(in: parent, base: base, private: existingMode != nil, for: path)
    }

    /// The mode of the folder at `path`, `nil` when nothing is there.
    private static func existingMode(_ path: String, replaces: (String) -> Bool) throws -> mode_t? {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            guard errno == ENOENT else { throw failure(path, "cannot write there") }
            return nil
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            let what = info.st_mode & S_IFMT == S_IFLNK ? "a symbolic link" : "not a folder"
            throw ExportError(.io, "\(VisibleText.path(path)): is \(what); give a new folder or one exportctl wrote")
        }
        for (name, kind) in try entries(of: path) where kind != UInt8(DT_REG) || !replaces(name) {
            throw ExportError(
                .io,
                "\(VisibleText.path(path)): holds '\(VisibleText.escapedLine(name))', which exportctl did not write there; "
                    + "the folder is replaced whole, so give a new or empty folder, or one an earlier run wrote")
        }
        return info.st_mode & 0o7777
    }

    /// Moves the old folder aside, renames the staging folder into place, then removes the old one.
    public func commit() throws {
        guard let existingMode else {
            guard rename(stagingPath, path) == 0 else { throw abandoning("cannot rename the new folder into place") }
            isFinished = true
            return
        }
        guard chmod(stagingPath, existingMode) == 0 else { throw abandoning("cannot keep the folder's mode") }
        // Checked again: the old folder is about to be deleted, so it must still hold only what this writer writes.
        do { _ = try Self.existingMode(path, replaces: replaces) } catch { abandon(); throw error }
        let old = try Self.makeStaging(in: parent, base: base + ".old", private: true, for: path)
        // rename(2) replaces an empty folder: `old` is one, and moving the destination onto it frees the name.
        guard rename(path, old) == 0 else {
            rmdir(old)
            throw abandoning("cannot move the previous folder aside")
        }
        guard rename(stagingPath, path) == 0 else {
            let failure = abandoning("cannot rename the new folder into place")
            rename(old, path)
            throw failure
        }
        isFinished = true
        Self.removeFlat(old)
    }

    /// Removes the staging folder; the destination keeps whatever it held.
    public func abandon() {
        guard !isFinished else { return }
        isFinished = true
        Self.removeFlat(stagingPath)
    }

    deinit { abandon() }

    private func abandoning(_ what: String) -> ExportError {
        let error = Self.failure(path, what)
        abandon()
        return error
    }

    private static func failure(_ path: String, _ what: String) -> ExportError {
        ExportError(.io, "\(VisibleText.path(path)): \(what): \(String(cString: strerror(errno)))")
    }
}

extension AtomicFolder {
    /// Creates `.<base>.tmp-<random>` in `parent`: 0700 when it will replace a folder (it takes that folder's mode
    /// on commit), else 0777 minus the umask, as a new folder would be.
    fileprivate static func makeStaging(in parent: String, base: String, private: Bool, for path: String) throws
        -> String
    {
        var stem = Substring(base)
        while 1 + stem.utf8.count + ".tmp-".utf8.count + 12 > 255 { stem = stem.dropLast() }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<100 {
            let random = String(generator.next() & 0xFFFF_FFFF_FFFF, radix: 16)
            let candidate = parent + "." + stem + ".tmp-" + String(repeating: "0", count: 12 - random.count) + random
            if mkdir(candidate, `private` ? 0o700 : 0o777) == 0 { return candidate }
            if errno != EEXIST { break }
        }
        throw failure(path, "cannot create a folder beside it")
    }

    /// Creates `path` and its missing parents.
    fileprivate static func makeFolders(_ path: String) throws {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component + "/"
            if mkdir(prefix, 0o777) != 0, errno != EEXIST { throw failure(path, "cannot create the folder") }
        }
    }

    /// The names and `d_type`s of a folder's entries, without `.` and `..`.
    fileprivate static func entries(of path: String) throws -> [(String, UInt8)] {
        guard let folder = opendir(path) else { throw failure(path, "cannot read the folder") }
        defer { closedir(folder) }
        var result: [(String, UInt8)] = []
        while let entry = readdir(folder) {
            // d_name is a NUL-terminated array the kernel fills; it is never empty.
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name != ".", name != ".." else { continue }
            var kind = entry.pointee.d_type
            if kind == UInt8(DT_UNKNOWN) {  // some file systems do not fill d_type
                var info = stat()
                let isRegular = lstat(path + "/" + name, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
                kind = isRegular ? UInt8(DT_REG) : UInt8(DT_UNKNOWN)
            }
            result.append((name, kind))
        }
        return result
    }

    /// Removes a folder of regular files, best effort: what cannot be removed stays.
    fileprivate static func removeFlat(_ path: String) {
        for (name, _) in (try? entries(of: path)) ?? [] { unlink(path + "/" + name) }
        rmdir(path)
    }
}
