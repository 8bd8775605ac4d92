#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Writes a file so that readers see the previous version or the complete new one, never a partial file.
///
/// Bytes go to a temporary file in the destination's folder; ``commit()`` flushes, syncs and renames it over
/// the destination. Dropping the value without committing removes the temporary file.
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
    private var descriptor: Int32
    private var isFinished = false

    /// Creates the temporary file next to `path`.
    /// - Throws: ``ExportError`` `.io` when the folder is missing or not writable.
    public init(path: String) throws {
        self.path = path
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var template = Array((folder + "." + base + ".tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw ExportError(.io, "\(path): cannot create a file there: \(String(cString: strerror(errno)))")
        }
        fchmod(fd, 0o644)
        descriptor = fd
        temporaryPath = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        sink = FileDescriptorSink(descriptor: fd, name: path)
    }

    /// Flushes, syncs and renames the temporary file over the destination.
    public func commit() throws {
        try sink.flush()
        guard fsync(descriptor) == 0 else { throw failure("cannot sync") }
        guard close(descriptor) == 0 else { throw failure("cannot close") }
        descriptor = -1
        guard rename(temporaryPath, path) == 0 else { throw failure("cannot rename into place") }
        isFinished = true
    }

    /// Removes the temporary file; the destination keeps whatever it held before.
    public func abandon() {
        guard !isFinished else { return }
        isFinished = true
        if descriptor >= 0 { close(descriptor) }
        unlink(temporaryPath)
    }

    deinit { abandon() }

    private func failure(_ what: String) -> ExportError {
        let reason = String(cString: strerror(errno))
        abandon()
        return ExportError(.io, "\(path): \(what): \(reason)")
    }
}
