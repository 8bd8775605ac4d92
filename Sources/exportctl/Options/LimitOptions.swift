import ArgumentParser
import Export

/// The bounds on untrusted input, shared by every command that reads files.
struct LimitOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The largest input file, in bytes.", valueName: "bytes"))
    var maxInputBytes: Int = InputLimits.default.maxInputBytes

    @Option(help: ArgumentHelp("The deepest nesting of lists and mappings.", valueName: "n"))
    var maxDepth: Int = InputLimits.default.maxDepth

    @Option(help: ArgumentHelp("The longest single string or value, in bytes.", valueName: "bytes"))
    var maxStringBytes: Int = InputLimits.default.maxScalarBytes

    @Option(help: ArgumentHelp("The most objects in one input.", valueName: "n"))
    var maxObjects: Int = InputLimits.default.maxObjects

    func validate() throws {
        for (name, value) in [("max-input-bytes", maxInputBytes), ("max-depth", maxDepth), ("max-string-bytes", maxStringBytes), ("max-objects", maxObjects)]
        where value < 1 {
            throw ValidationError("--\(name) must be at least 1")
        }
    }

    /// Import settings with these limits.
    var settings: ImportSettings {
        var settings = ImportSettings.default
        settings.limits.maxInputBytes = maxInputBytes
        settings.limits.maxDepth = maxDepth
        settings.limits.maxScalarBytes = maxStringBytes
        settings.limits.maxObjects = maxObjects
        return settings
    }
}
