public import Export

/// A view written in every registered format, for leak checks that grep the bytes.
public enum FormatOutputs {
    /// Each format's name and output for `view`. XML schema validation is off: these tests look for bytes,
    /// and validating every generated view would cost more than the rest of the check.
    public static func all(_ view: ReleasedReport) throws -> [(format: String, output: String)] {
        var settings = FormatOptions.default
        settings.validatesOutput = false
        return try FormatRegistry.writable.map { format in
            var sink: any ByteSink = MemorySink()
            _ = try format.writer!.write(view, options: settings, to: &sink)
            return (format.name, (sink as? MemorySink)?.string ?? "")
        }
    }
}
