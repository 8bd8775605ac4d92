#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Bytes read one at a time from an opened input, a megabyte at a time underneath, so a scanner can walk
/// an input of any size in constant memory. Each source reads the input from its start, at its own offset:
/// a second pass is a second source over the same ``InputHandle``, never the path opened again.
package struct FileByteSource {
    private let input: InputHandle
    private var buffer = [UInt8](repeating: 0, count: 1 << 20)
    private var count = 0
    private var position = 0
    /// Bytes of the input before the buffer.
    private var bufferStart = 0
    /// Whether reading advances ``ProgressMeter/current`` (not for bytes already read and counted elsewhere).
    private let reportsProgress: Bool

    /// Reads `input` from its start; `reportsProgress` off for bytes already in memory that a scanner walks
    /// again (a reader handed the whole input).
    package init(input: InputHandle, reportsProgress: Bool = true) {
        self.input = input
        self.reportsProgress = reportsProgress
    }

    /// Opens `path` once (see ``InputHandle/open(_:limits:)``).
    /// - Throws: ``ExportError`` `.io` when it cannot be opened or is not a file or a pipe.
    package init(path: String) throws {
        self.init(input: try InputHandle.open(path))
    }

    /// The size of the regular file at `path`; 0 for anything else (standard input, pipes, errors).
    package static func size(of path: String) -> Int {
        var info = stat()
        guard path != "-", stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return 0 }
        return Int(info.st_size)
    }

    /// The next byte, or `nil` at the end.
    mutating func peek() throws -> UInt8? {
        if position < count { return buffer[position] }
        let offset = bufferStart + count
        let read = try buffer.withUnsafeMutableBytes { try input.read(at: offset, into: $0) }
        bufferStart += count
        count = read
        position = 0
        if reportsProgress { ProgressMeter.current?.advance(by: read) }
        return read == 0 ? nil : buffer[0]
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
