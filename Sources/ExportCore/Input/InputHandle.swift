#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// One input, opened once and readable at any offset as often as a reader needs: the bytes a format was
/// recognised from are the bytes that are checked.
///
/// A regular file is read through the descriptor opened once (never its path again). A pipe, FIFO, process
/// substitution or standard input is copied once, within ``InputLimits/maxInputBytes``, to an unlinked
/// temporary file, which every pass then reads; a regular file reporting size 0 (`/proc`) is copied too.
/// Devices and sockets are refused before a byte is read.
///
/// ```swift
/// let input = try InputHandle.open("bundle.json")
/// let findings = try STIXBundleValidator.validate(input)
/// ```
public final class InputHandle: Sendable {
    private enum Storage {
        /// A descriptor this handle owns (or 0), and the offset the input starts at in it.
        case descriptor(Int32, origin: Int, owned: Bool)
        case memory([UInt8])
    }

    /// The name diagnostics use (`<stdin>` for `-`).
    public let name: String
    /// The input's size in bytes, fixed when it was opened: later passes read no further.
    public let size: Int
    private let storage: Storage

    /// Bytes already in memory, as an input.
    public init(bytes: [UInt8], name: String) {
        self.name = name
        size = bytes.count
        storage = .memory(bytes)
    }

    private init(descriptor: Int32, origin: Int, owned: Bool, size: Int, name: String) {
        self.name = name
        self.size = size
        storage = .descriptor(descriptor, origin: origin, owned: owned)
    }

    deinit {
        if case .descriptor(let descriptor, _, true) = storage { close(descriptor) }
    }

    /// Opens `path` (`-` for standard input), copying a non-seekable input to an unlinked temporary file.
    /// - Parameter name: the name diagnostics use, when not the path (`<stdin>` for `-`).
    /// - Throws: ``ExportError`` `.io` for a missing, unreadable, directory, device or socket path, or a failed
    ///   copy; `.invalidInput` (located) for an input larger than `limits.maxInputBytes`.
    public static func open(_ path: String, name: String? = nil, limits: InputLimits = .default) throws -> InputHandle {
        let (descriptor, kind, opened) = try InputFile.openChecked(path)
        let name = name ?? opened
        let owned = descriptor != 0
        if case .regular(let size) = kind, size > 0 {
            guard size <= limits.maxInputBytes else {
                if owned { close(descriptor) }
                throw InputFile.tooLarge(name, limit: limits.maxInputBytes)
            }
            // Standard input redirected from a file starts where the shell left its offset.
            let origin = owned ? 0 : max(0, Int(lseek(descriptor, 0, SEEK_CUR)))
            return InputHandle(descriptor: descriptor, origin: origin, owned: owned, size: size - origin, name: name)
        }
        defer { if owned { close(descriptor) } }
        let (spool, size) = try InputSpool.copy(from: descriptor, name: name, limit: limits.maxInputBytes)
        return InputHandle(descriptor: spool, origin: 0, owned: true, size: size, name: name)
    }

    /// Copies up to `buffer.count` bytes from `offset` of the input into `buffer`.
    /// - Returns: how many were copied; 0 at the end of the input (``size``).
    /// - Throws: ``ExportError`` `.io` when reading fails.
    package func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let wanted = min(buffer.count, max(0, size - offset))
        guard wanted > 0, let base = buffer.baseAddress else { return 0 }
        switch storage {
        case .memory(let bytes):
            bytes.withUnsafeBytes { source in
                UnsafeMutableRawBufferPointer(start: base, count: wanted).copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<offset + wanted]))
            }
            return wanted
        case .descriptor(let descriptor, let origin, _):
            while true {
                let count = pread(descriptor, base, wanted, off_t(origin + offset))
                if count < 0 && errno == EINTR { continue }
                guard count >= 0 else { throw InputFile.failure(name, "cannot read") }
                return count
            }
        }
    }

    /// The first `count` bytes (fewer when the input is shorter).
    package func head(_ count: Int = 64 << 10) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: min(count, size))
        var filled = 0
        while filled < bytes.count {
            let read = try bytes.withUnsafeMutableBytes { try self.read(at: filled, into: UnsafeMutableRawBufferPointer(rebasing: $0[filled...])) }
            if read == 0 { break }
            filled += read
        }
        return Array(bytes[0..<filled])
    }
}
