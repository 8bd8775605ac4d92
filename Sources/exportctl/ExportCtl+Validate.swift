import ArgumentParser
import Export

extension ExportCtl {
    /// `exportctl validate FILE... [--schema XSD] [--report-format text|json|junit]`.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate files: STIX 2.1, STIX 1.2, report XML and authoring documents (recognised by content), or any XML against a schema.",
            discussion: """
                Recognises: \(FormatRegistry.validatable.map(\.name).joined(separator: ", ")). Any other XML needs \
                --schema XSD. Documents are untrusted: no network, no entities, no DTD, and any DOCTYPE is refused. \
                Files are validated in parallel and streamed, so size does not matter; findings are printed in input \
                order as file:line:col: error: message. Warnings exit 0 unless --strict. Exits 0 when every file is \
                valid, 1 when any has findings or is unrecognised, 2 on usage errors, 3 when a file cannot be read; the \
                most severe wins.
                """
        )

        @Argument(help: "Files to validate ('-' for standard input).", transform: PathArgument.nonEmpty)
        var files: [String]

        @Option(help: "Validate every file against this W3C XML Schema (a trusted local file).", transform: PathArgument.nonEmpty)
        var schema: String?

        @Option(help: "Validate every file as this format instead of recognising it.")
        var inputFormat: CheckedFormat?

        @OptionGroup(title: "STIX 1.2 options") var stix12: STIX12OptionGroup

        @OptionGroup(title: "Input limits") var limits: LimitOptions

        @OptionGroup var diagnostics: DiagnosticOptions

        @Flag(help: "Count warnings as errors (for example unknown vocabulary values or unresolved references).")
        var strict = false

        @Option(help: "text (findings on standard error), json or junit (on standard output).")
        var reportFormat: ReportFormat = .text

        enum ReportFormat: String, ExpressibleByArgument, CaseIterable { case text, json, junit }

        func validate() throws {
            guard !files.isEmpty else { throw ValidationError("name at least one file to validate") }
            // Files are read in parallel: two readers of one pipe would each get part of it.
            if files.filter({ $0 == "-" }).count > 1 { throw ValidationError("name standard input ('-') at most once") }
            if schema != nil && inputFormat != nil { throw ValidationError("pass either --schema or --input-format") }
        }

        func run() throws {
            diagnostics.apply()
            var options = FormatOptions.default
            options.limits = limits.settings.limits
            stix12.apply(to: &options)
            let validator = try schema.map(FormatRegistry.xmlSchema(at:)) ?? inputFormat?.descriptor
            let progress = Terminal.progressMeter()
            let checked = ProgressMeter.$current.withValue(progress) {
                FileValidation.run(files, with: validator, options: options)
            }
            progress?.finish()
            let results = strict ? checked.map { $0.strict() } : checked
            switch reportFormat {
            case .text: for result in results { Terminal.print(result.findings) }
            case .json: try OutputWriter.standardOutput(ValidationReport(results).json())
            case .junit: try OutputWriter.standardOutput(ValidationReport(results).junit())
            }
            let status = results.compactMap(\.failure).map(ExitStatus.init).max() ?? .success
            if status != .success { throw ExitCode(status.rawValue) }
        }
    }
}
