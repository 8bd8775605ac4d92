extension InputFile {
    /// Reads a file with only a byte limit: the XML layer's call, kept so that `xml` and `main` build together.
    static func read(_ path: String, limit: Int) throws -> (bytes: [UInt8], name: String) {
        var limits = InputLimits.default
        limits.maxInputBytes = limit
        return try read(path, limits: limits)
    }
}
