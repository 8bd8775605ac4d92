import ArgumentParser
import Export

extension ExportCtl {
    /// `exportctl sample`: prints the built-in scenario as YAML.
    struct Sample: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the built-in sample report (US intelligence partnerships in Asia, 2023) as YAML.",
            discussion: "Commands that take an input use this report when none is given."
        )

        func run() throws {
            var sink = FileDescriptorSink.standardOutput()
            try sink.write(Array(SampleScenario.yaml.utf8))
            try sink.flush()
        }
    }
}
