#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Reads a whole input file, or standard input for `-`, once and within the input limit, with I/O failures as
/// ``ExportError`` `.io`. Only regular files and pipes are read (see ``openChecked(_:)``).
public enum InputFile {
    /// The name diagnostics use for standard input.
    public static let standardInputName = "<stdin>"

    /// Reads `path` (`-` for standard input) and returns its bytes and the name diagnostics should use.
    /// - Parameter limit: the most bytes accepted; a larger input is refused as invalid, not read whole.
    /// - Throws: ``ExportError`` `.io` for a missing or unreadable path, a directory, a device or a socket;
    ///   `.invalidInput` past `limit`.
    public static func read(_ path: String, limit: Int) throws -> (bytes: [UInt8], name: String) {
        var limits = InputLimits.default
        limits.maxInputBytes = limit
        return try read(path, limits: limits)
    }

    /// Reads `path` (`-` for standard input) within `limits`; see ``read(_:limit:)``.
    ///
    /// Only regular files and pipes are read (standard input may also be a socket or a terminal); devices and
    /// sockets are refused before a byte is read, and no read goes past `limits.maxInputBytes`.
    public static func read(_ path: String, limits: InputLimits = .default) throws -> (bytes: [UInt8], name: String) {
        let (descriptor, kind, name) = try openChecked(path)
        defer { if descriptor != 0 { close(descriptor) } }
        if case .regular(let size) = kind, size > limits.maxInputBytes { throw tooLarge(name, limit: limits.maxInputBytes) }
        return (try readAll(name: name, limits: limits) { Glibc.read(descriptor, $0.baseAddress, $0.count) }, name)
    }

    /// Reads a whole opened input within `limits`, with the same early refusals as ``read(_:limits:)``.
    package static func read(_ input: InputHandle, limits: InputLimits = .default) throws -> [UInt8] {
        guard input.size <= limits.maxInputBytes else { throw tooLarge(input.name, limit: limits.maxInputBytes) }
        var offset = 0
        return try readAll(name: input.name, limits: limits) { buffer in
            let count = try input.read(at: offset, into: buffer)
            offset += count
            return count
        }
    }

    /// Reads in chunks, refusing early (before holding the whole input) what breaks a limit: the total size, and
    /// any run of more than `maxScalarBytes` bytes with neither a newline nor a double quote. Every legitimate
    /// document has one or the other far more often; a single huge string or value has neither.
    private static func readAll(
        name: String, limits: InputLimits, _ next: (UnsafeMutableRawBufferPointer) throws -> Int
    ) throws -> [UInt8] {
        let limit = limits.maxInputBytes
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var run = 0
        var line = 1
        var lineStart = 0
        while true {
            let count = try chunk.withUnsafeMutableBytes { try next($0) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(name, "cannot read")
            }
            if count == 0 { return bytes }
            guard bytes.count + count <= limit else { throw tooLarge(name, limit: limit) }
            if let tooLong = chunk.withUnsafeBufferPointer({
                Self.findOverlongRun(in: UnsafeBufferPointer(rebasing: $0[..<count]), run: &run, line: &line,
                                     lineStart: &lineStart, offset: bytes.count, limit: limits.maxScalarBytes)
            }) {
                let column = bytes.count + tooLong - lineStart - run + 2
                throw ExportError(
                    .invalidInput, "\(name): a value longer than \(limits.maxScalarBytes) bytes",
                    diagnostics: [
                        Diagnostic(
                            .error, "a single value runs past the limit of \(limits.maxScalarBytes) bytes",
                            at: SourceLocation(file: name, line: line, column: max(1, column)),
                            hint: "raise --max-string-bytes if the file is trusted")
                    ])
            }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    /// Walks one chunk (at `offset` in the input) counting the run of bytes since the last newline or double
    /// quote, and the lines; returns the index in the chunk where the run passes `limit`, if it does. Every byte
    /// of every input goes through here, so the runs between newlines and quotes are found eight bytes at a time
    /// (``ByteRuns``): byte by byte this was 14–16 instructions a byte, 5 % of a STIX 2.1 re-export.
    private static func findOverlongRun(
        in chunk: UnsafeBufferPointer<UInt8>, run: inout Int, line: inout Int, lineStart: inout Int, offset: Int,
        limit: Int
    ) -> Int? {
        var index = 0
        while index < chunk.count {
            let end = ByteRuns.newlineOrQuote(in: chunk, from: index)
            if run + end - index > limit {
                // The byte at which the run became one longer than the limit.
                let past = index + limit - run
                run = limit + 1
                return past
            }
            guard end < chunk.count else {
                run += end - index
                return nil
            }
            if chunk[end] == 0x0A {
                run = 0
                line += 1
                lineStart = offset + end + 1
            } else {
                run = 0
            }
            index = end + 1
        }
        return nil
    }

    /// The located refusal of an input larger than `limit` bytes.
    static func tooLarge(_ name: String, limit: Int) -> ExportError {
        ExportError(
            .invalidInput, "\(name): input is larger than the limit of \(limit) bytes",
            diagnostics: [
                Diagnostic(
                    .error, "input is larger than the limit of \(limit) bytes", at: SourceLocation(file: name, line: 1, column: 1),
                    hint: "raise --max-input-bytes if the file is trusted")
            ])
    }
}
