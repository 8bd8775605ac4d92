import Export

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// The TAXII server is its own program, `exportctl-serve`, built from the `Server/` package so that exportctl
/// itself never compiles Hummingbird, SwiftNIO or GRDB. `exportctl serve` and `exportctl partners` replace
/// themselves with it.
enum ServerCompanion {
    static let programName = "exportctl-serve"

    /// Replaces this process with `exportctl-serve ARGUMENTS`.
    /// - Throws: ``ExportError`` `.io` with a hint on how to build it, when it is neither beside exportctl, nor
    ///   named by `$EXPORTCTL_SERVE`, nor on `PATH`.
    static func exec(_ arguments: [String]) throws -> Never {
        guard let program = locate() else {
            let reason = "\(programName) not found beside exportctl or on PATH: the TAXII server is a separate program"
            throw ExportError(
                .io, reason,
                diagnostics: [
                    Diagnostic(
                        .error, reason,
                        hint: "build it with `swift build -c release --package-path Server` and copy "
                            + "Server/.build/release/\(programName) beside exportctl or onto PATH (or set EXPORTCTL_SERVE)")
                ])
        }
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        fflush(nil)
        execv(program, argv)
        let reason = "cannot run \(program): \(String(cString: strerror(errno)))"
        throw ExportError(.io, reason)
    }

    /// `$EXPORTCTL_SERVE`, else `exportctl-serve` in exportctl's own folder, else the first on `PATH`.
    static func locate() -> String? {
        if let configured = getenv("EXPORTCTL_SERVE").map({ String(cString: $0) }), !configured.isEmpty {
            return isExecutable(configured) ? configured : nil
        }
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if length > 0 {
            let own = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if let slash = own.lastIndex(of: "/") {
                let beside = String(own[...slash]) + programName
                if isExecutable(beside) { return beside }
            }
        }
        let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/local/bin:/usr/bin:/bin"
        // Absolute entries only: a relative one (`.`) would run whatever the current folder holds under that name.
        for folder in path.split(separator: ":") where folder.hasPrefix("/") {
            let candidate = folder + "/" + programName
            if isExecutable(candidate) { return candidate }
        }
        return nil
    }

    private static func isExecutable(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && access(path, X_OK) == 0
    }
}
