/// Where a writer's bytes go: memory, standard output or a file written atomically.
///
/// Writers call ``write(_:)`` with chunks as they produce them, so nothing needs the whole document in memory.
public protocol ByteSink {
    /// Appends bytes.
    /// - Throws: ``ExportError`` with code `.io` when the destination refuses them.
    mutating func write(_ bytes: [UInt8]) throws
}

/// A sink that keeps everything in memory.
///
/// ```swift
/// var sink = MemorySink()
/// try sink.write(Array("hello".utf8))
/// sink.string   // "hello"
/// ```
public struct MemorySink: ByteSink, Sendable {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []

    /// Creates an empty sink.
    public init() {}

    public mutating func write(_ bytes: [UInt8]) throws { self.bytes.append(contentsOf: bytes) }

    /// The bytes as UTF-8 text.
    public var string: String { String(decoding: bytes, as: UTF8.self) }
}
