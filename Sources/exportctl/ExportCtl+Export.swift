import ArgumentParser
import Export

extension ExportCtl {
    /// `exportctl export [FILE] --format F [-o OUT]`: writes a report in one of the export formats.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export a report (authoring YAML/JSON, or another readable format) to an exchange format.",
            discussion: """
                Formats: \(ExportFormat.all.map { "\($0.name) (\($0.summary))" }.joined(separator: "; ")).
                With no FILE, exports the built-in sample. Output files are written atomically: a temporary
                file in the destination folder, renamed into place only when complete.
                """
        )

        @Argument(help: "The report to export ('-' for standard input; none for the built-in sample).")
        var file: String?

        @Option(name: .shortAndLong, help: "The output format.")
        var format: String = ExportFormat.all[0].name

        @Option(name: .shortAndLong, help: "Write here instead of standard output.")
        var output: String?

        @Option(help: "Read the input as this format instead of recognising it.")
        var inputFormat: String?

        @Flag(help: "Skip the in-process schema check of XML output.")
        var noValidate = false

        @Flag(help: "Drop invalid objects of an imported STIX bundle (and list them) instead of failing.")
        var dropInvalid = false

        func validate() throws {
            guard ExportFormat.named(format) != nil else {
                throw ValidationError(
                    "unknown format '\(format)'; known: \(ExportFormat.all.map(\.name).joined(separator: ", "))")
            }
            if let inputFormat, InputFormat.named(inputFormat) == nil {
                throw ValidationError(
                    "unknown input format '\(inputFormat)'; known: \(InputFormat.all.map(\.name).joined(separator: ", "))")
            }
        }

        func run() throws {
            guard let exportFormat = ExportFormat.named(format) else { throw ExitCode(ExitStatus.usage.rawValue) }
            var importSettings = ImportSettings.default
            importSettings.dropsInvalid = dropInvalid
            let loaded = try ReportLoader.load(
                path: file, format: inputFormat.flatMap(InputFormat.named), settings: importSettings)
            Terminal.print(loaded.diagnostics)
            guard let report = loaded.report, !loaded.diagnostics.hasErrors else {
                throw ExitCode(ExitStatus.findings.rawValue)
            }
            var settings = ExportSettings.default
            settings.validatesOutput = !noValidate
            let summary = try OutputWriter.write(
                ReleasedReport(everythingIn: report), format: exportFormat, settings: settings, to: output)
            Terminal.print(summary.warnings)
            Terminal.printNotCarried(summary.notCarried, format: exportFormat.name)
        }
    }
}
