import ArgumentParser
import Export

extension ExportCtl {
    /// `exportctl sample`: prints a built-in sample report as YAML, or lists them.
    struct Sample: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a built-in sample report as YAML, or list them.",
            discussion: """
                Without NAME, prints the default sample (\(SampleScenario.standard.name)), which commands that take \
                an input read when none is given. To use another sample as input, pipe it: \
                `exportctl sample volt-typhoon-2023 | exportctl export -`.
                """
        )

        @Argument(help: "The sample to print (see --list).")
        var name: SampleName?

        @Flag(help: "List the samples, one per line: name and what it holds.")
        var list = false

        func validate() throws {
            if list && name != nil { throw ValidationError("give either NAME or --list, not both") }
        }

        func run() throws {
            var sink = FileDescriptorSink.standardOutput()
            if list {
                let width = SampleScenario.all.map(\.name.count).max() ?? 0
                for sample in SampleScenario.all {
                    let padding = String(repeating: " ", count: width - sample.name.count)
                    let mark = sample.name == SampleScenario.standard.name ? " (default)" : ""
                    try sink.write(Array("\(sample.name)\(padding)  \(sample.summary)\(mark)\n".utf8))
                }
            } else {
                try sink.write(Array((name?.sample ?? SampleScenario.standard).yaml.utf8))
            }
            try sink.flush()
        }
    }
}

/// A built-in sample named on the command line; completion offers them.
struct SampleName: ExpressibleByArgument {
    let sample: BuiltInSample

    init?(argument: String) {
        guard let sample = SampleScenario.named(argument) else { return nil }
        self.sample = sample
    }

    static var allValueStrings: [String] { SampleScenario.all.map(\.name) }
    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
}
