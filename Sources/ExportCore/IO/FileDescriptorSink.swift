#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A sink over an open file descriptor (standard output, or a temporary file) that buffers writes.
///
/// A reader that goes away early (`exportctl export | head`) shows up as `EPIPE`, reported as an I/O error;
/// the executable ignores `SIGPIPE` so that this error can be reported instead of the process dying.
public struct FileDescriptorSink: ByteSink {
    private let descriptor: Int32
    private let name: String
    private var buffer: [UInt8] = []
    private let capacity = 1 << 16

    /// Creates a sink writing to `descriptor`, called `name` in error messages.
    public init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        self.name = name
        buffer.reserveCapacity(capacity)
    }

    /// A sink on standard output.
    public static func standardOutput() -> FileDescriptorSink { FileDescriptorSink(descriptor: 1, name: "<stdout>") }

    public mutating func write(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { try flush() }
    }

    /// Writes out whatever is buffered.
    public mutating func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { raw in
                Glibc.write(descriptor, raw.baseAddress.map { $0 + offset }, raw.count - offset)
            }
            if written < 0 {
                let code = errno
                if code == EINTR { continue }
                buffer.removeAll(keepingCapacity: true)
                throw ExportError(.io, "\(name): cannot write: \(String(cString: strerror(code)))")
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
