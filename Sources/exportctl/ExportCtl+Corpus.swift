import ArgumentParser
import Export
import ExportDevSupport

extension ExportCtl {
    /// `exportctl corpus --objects N --seed S -o FILE`: writes a generated benchmark corpus (hidden).
    struct Corpus: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a generated, seeded benchmark corpus as authoring JSON.",
            discussion: """
                N counts the STIX 2.1 objects `export --format stix21` writes for the report's content (objects,
                locations, relationships); the bundle adds a fixed set of shared objects. See Benchmarks/README.md.
                """,
            shouldDisplay: false
        )

        @Option(help: "How many described STIX objects to generate (at least \(CorpusGenerator.minimumObjects)).")
        var objects: Int

        @Option(help: "The seed: the same seed and size give the same corpus.")
        var seed: UInt64 = 1

        @Option(help: "Also add this many indicators, each based on its own observable (an IOC-heavy corpus).")
        var indicators = 0

        @Option(name: .shortAndLong, help: "Write here instead of standard output.", transform: PathArgument.nonEmpty)
        var output: String?

        func validate() throws {
            guard objects >= CorpusGenerator.minimumObjects else {
                throw ValidationError("--objects must be at least \(CorpusGenerator.minimumObjects)")
            }
            guard indicators >= 0 else { throw ValidationError("--indicators cannot be negative") }
        }

        func run() throws {
            let report = CorpusGenerator(objects: objects, seed: seed, indicators: indicators).report()
            if let output, !OutputDestination.isStandardOutput(output) {
                let file = try AtomicFile(path: output)
                defer { file.abandon() }
                try report.writeAuthoringJSON(to: &file.sink)
                try file.commit()
            } else {
                var sink = FileDescriptorSink.standardOutput()
                try report.writeAuthoringJSON(to: &sink)
                try sink.flush()
            }
        }
    }
}
