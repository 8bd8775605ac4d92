#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Bytes read one at a time from a file (or standard input for `-`), a megabyte at a time underneath,
/// so a scanner can walk a file of any size in constant memory.
struct FileByteSource {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private var buffer = [UInt8](repeating: 0, count: 1 << 20)
    private var count = 0
    private var position = 0
    /// Bytes of the input before the buffer.
    private var bufferStart = 0

    /// Opens `path`.
    /// - Throws: ``ExportError`` `.io` when it cannot be opened.
    init(path: String) throws {
        if path == "-" {
            descriptor = 0
            ownsDescriptor = false
        } else {
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
            ownsDescriptor = true
            guard descriptor >= 0 else {
                throw ExportError(.io, "\(path): cannot open: \(String(cString: strerror(errno)))")
            }
        }
    }

    /// The size of the regular file at `path`; 0 for anything else (standard input, pipes, errors).
    static func size(of path: String) -> Int {
        var info = stat()
        guard path != "-", stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return 0 }
        return Int(info.st_size)
    }

    /// Closes the file.
    func close() { if ownsDescriptor { _ = Glibc.close(descriptor) } }

    /// The next byte, or `nil` at the end.
    mutating func peek() throws -> UInt8? {
        if position < count { return buffer[position] }
        while true {
            let read = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if read < 0, errno == EINTR { continue }
            guard read >= 0 else { throw ExportError(.io, "read failed: \(String(cString: strerror(errno)))") }
            bufferStart += count
            count = read
            position = 0
            ProgressMeter.current?.advance(by: read)
            return read == 0 ? nil : buffer[0]
        }
    }

    mutating func skip() { position += 1 }

    /// How many bytes of the input were read so far.
    var offset: Int { bufferStart + position }

    /// Hands `body` the buffered bytes not yet read (refilling first when none are left) and skips as many
    /// as it says it consumed, so a scanner can walk the input a buffer at a time instead of a byte at a time.
    /// - Returns: `false`, without calling `body`, at the end of the input.
    mutating func consume(_ body: (UnsafeBufferPointer<UInt8>) -> Int) throws -> Bool {
        guard try peek() != nil else { return false }
        let consumed = buffer.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[position..<count]))
        }
        position += consumed
        return true
    }
}
