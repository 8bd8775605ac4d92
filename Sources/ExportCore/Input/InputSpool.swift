#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Copies an input that can be read only once (a pipe, standard input) to a temporary file that is unlinked
/// as soon as it is created, so readers that need two passes read the copy, never the source again, and
/// nothing is left behind however the process ends.
enum InputSpool {
    /// Copies everything `descriptor` yields, refusing more than `limit` bytes as soon as they arrive.
    /// - Returns: a descriptor of the copy (the caller owns it) and its size.
    /// - Throws: ``ExportError`` `.io` when the copy cannot be made, `.invalidInput` past `limit`.
    static func copy(from descriptor: Int32, name: String, limit: Int) throws -> (descriptor: Int32, size: Int) {
        let spool = try makeUnlinkedFile(for: name)
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var size = 0
        do {
            while true {
                let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                guard count >= 0 else { throw InputFile.failure(name, "cannot read") }
                if count == 0 { return (spool, size) }
                guard size + count <= limit else { throw InputFile.tooLarge(name, limit: limit) }
                try write(chunk[0..<count], to: spool, name: name)
                size += count
            }
        } catch {
            close(spool)
            throw error
        }
    }

    private static func write(_ bytes: ArraySlice<UInt8>, to descriptor: Int32, name: String) throws {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                buffer.baseAddress.map { Glibc.write(descriptor, $0 + written, buffer.count - written) } ?? 0
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw InputFile.failure(name, "cannot copy the input to a temporary file") }
            written += count
        }
    }

    /// A new file in `$TMPDIR` (else `/tmp`), already unlinked.
    private static func makeUnlinkedFile(for name: String) throws -> Int32 {
        let directory = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(directory)/exportctl-input-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard descriptor >= 0 else { throw InputFile.failure(name, "cannot make a temporary copy in \(directory)") }
        template.withUnsafeBufferPointer { buffer in _ = buffer.baseAddress.map { unlink($0) } }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        return descriptor
    }
}
