import ArgumentParser
import Export

/// A format named on the command line, in any case, among those a command can use; completion offers them.
protocol FormatArgument: ExpressibleByArgument {
    /// The formats this option accepts, in the order help lists them.
    static var choices: [FormatDescriptor] { get }
    /// The format named.
    var descriptor: FormatDescriptor { get }
    init(_ descriptor: FormatDescriptor)
}

extension FormatArgument {
    init?(argument: String) {
        guard let named = FormatRegistry.named(argument), Self.choices.contains(where: { $0.name == named.name }) else {
            return nil
        }
        self.init(named)
    }

    static var allValueStrings: [String] { choices.map(\.name) }
    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
    var defaultValueDescription: String { descriptor.name }
}

/// `export --format`: a format exportctl writes.
struct OutputFormat: FormatArgument {
    static var choices: [FormatDescriptor] { FormatRegistry.writable }
    let descriptor: FormatDescriptor
    init(_ descriptor: FormatDescriptor) { self.descriptor = descriptor }
    /// The first format listed: STIX 2.1.
    static var standard: OutputFormat { OutputFormat(FormatRegistry.writable[0]) }
    /// The writer, which every format among ``choices`` has.
    var writer: FormatDescriptor.Writer {
        guard let writer = descriptor.writer else { preconditionFailure("\(descriptor.name) has no writer") }
        return writer
    }
}

/// `--input-format` of `export`, `lint` and `plan`: a format exportctl reads a report from.
struct SourceFormat: FormatArgument {
    static var choices: [FormatDescriptor] { FormatRegistry.readable }
    let descriptor: FormatDescriptor
    init(_ descriptor: FormatDescriptor) { self.descriptor = descriptor }
}

/// `validate --input-format`: a format `validate` checks.
struct CheckedFormat: FormatArgument {
    static var choices: [FormatDescriptor] { FormatRegistry.validatable }
    let descriptor: FormatDescriptor
    init(_ descriptor: FormatDescriptor) { self.descriptor = descriptor }
}
