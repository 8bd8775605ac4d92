import Export
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Prints diagnostics and messages to standard error.
enum Terminal {
    /// Whether a message could not be written: for `lint` and `validate` the findings are the output, so the
    /// run then ends with exit 3 however it went.
    static var hasLostOutput: Bool { lostOutput.load(ordering: .relaxed) }
    private static let lostOutput = Atomic(false)

    /// `--quiet`: warnings and notes are not printed, errors are.
    static var isQuiet: Bool {
        get { quiet.load(ordering: .relaxed) }
        set { quiet.store(newValue, ordering: .relaxed) }
    }
    private static let quiet = Atomic(false)

    /// Prints one message, its control characters (which input may have put there) shown as escapes.
    static func error(_ message: String) {
        let text = VisibleText.escaped(message)
        if !raw(text.hasSuffix("\n") ? text : text + "\n") { lostOutput.store(true, ordering: .relaxed) }
    }

    /// Writes to standard error as is; `false` when it could not.
    @discardableResult
    static func raw(_ message: String) -> Bool {
        // Straight to descriptor 2: the C `stderr` global is not concurrency-safe in Swift 6.
        let bytes = Array(message.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(2, $0.baseAddress.map { $0 + offset }, $0.count - offset) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return false }
            offset += written
        }
        return true
    }

    static func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics where !isQuiet || diagnostic.severity == .error { error(diagnostic.visiblyRendered) }
    }

    /// Prints an error's diagnostics, or its reason when it has none.
    static func report(_ failure: ExportError) {
        if failure.diagnostics.isEmpty {
            error("exportctl: error: \(VisibleText.escapedLine(failure.reason))")
        } else {
            print(failure.diagnostics)
        }
    }
}

extension Terminal {
    /// Lists, by kind and count, what a format could not carry.
    static func printNotCarried(_ notCarried: [String: Int], format: String) {
        guard !notCarried.isEmpty, !isQuiet else { return }
        error("exportctl: note: \(format) cannot carry:")
        for (kind, count) in notCarried.sorted(by: { $0.key < $1.key }) { error("  \(kind): \(count)") }
    }
}

extension Terminal {
    /// A progress meter drawing one self-overwriting line on standard error when standard error is a terminal,
    /// so pipelines get clean logs. `EXPORTCTL_PROGRESS=never` turns it off; `always` draws even into a pipe
    /// or file, from the first object on.
    static func progressMeter() -> ProgressMeter? {
        let setting = getenv("EXPORTCTL_PROGRESS").map { String(cString: $0) }
        let always = setting == "always"
        guard setting != "never", always || isatty(2) == 1 else { return nil }
        return ProgressMeter(delay: always ? .zero : .seconds(1)) { line in
            // Carriage return and erase-to-end-of-line: the next summary (or nothing, at the end) replaces this one.
            raw(line.isEmpty ? "\r\u{1B}[K" : "\r\u{1B}[Kexportctl: " + line)
        }
    }
}
