#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Reads the first bytes of an open file, for format recognition and prolog checks.
enum FileHead {
    /// Up to `limit` bytes from the descriptor's current position (fewer at end of file).
    static func read(_ descriptor: Int32, limit: Int = 64 << 10) throws -> [UInt8] {
        var head = [UInt8](repeating: 0, count: limit)
        var filled = 0
        while filled < head.count {
            let count = head.withUnsafeMutableBytes { buffer in
                let rest = UnsafeMutableRawBufferPointer(rebasing: buffer[filled...])
                return Glibc.read(descriptor, rest.baseAddress, rest.count)
            }
            if count < 0 && errno == EINTR { continue }
            if count < 0 { throw ExportError(.io, "cannot read: \(String(cString: strerror(errno)))") }
            if count == 0 { break }
            filled += count
        }
        return Array(head[0..<filled])
    }
}
