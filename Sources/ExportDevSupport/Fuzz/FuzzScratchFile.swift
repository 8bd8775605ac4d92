import Export

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// A private temporary file holding one fuzz input, so the fuzz targets reach the streaming readers that take a
/// path (the STIX 2.1 file validator), not only their in-memory twins.
///
/// Each call makes its own file (`mkstemp`), so regression tests running in parallel never share one; POSIX
/// calls only, as Foundation's file APIs leak a buffer under LeakSanitizer (see `Tests/sanitizers/lsan.supp`).
///
/// ```swift
/// let findings = FuzzScratchFile.with(bytes) { path in try? STIXBundleValidator.validate(path: path) }
/// ```
enum FuzzScratchFile {
    /// Writes `bytes` to a new temporary file, calls `body` with its path and removes the file;
    /// returns `nil` without calling `body` when the file cannot be written.
    static func with<T>(_ bytes: [UInt8], _ body: (String) -> T) -> T? {
        let folder = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array("\(folder)/exportctl-fuzz-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { $0.baseAddress.map { mkstemp($0) } ?? -1 }
        guard descriptor >= 0 else { return nil }
        let path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { unlink(path) }
        let written = writeAll(bytes, to: descriptor)
        close(descriptor)
        return written ? body(path) : nil
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            offset += count
        }
        return true
    }
}
