import ArgumentParser
import Export

extension ExportCtl {
    /// `exportctl export [FILE] --format F [-o OUT]`: writes a report in one of the export formats.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export a report (authoring YAML/JSON, or another readable format) to an exchange format.",
            discussion: """
                Formats: \(FormatRegistry.writable.map { "\($0.name) (\($0.summary))" }.joined(separator: "; ")). \
                With no FILE, exports the built-in sample. With --for, only what that recipient may receive; with \
                --for-members and -o DIR, one file per member. Output files are written atomically: a temporary file \
                in the destination folder, renamed into place only when complete. Exits 0 on success, 1 on invalid \
                input or a withheld name in released text, 2 on usage errors, 3 on input/output errors.
                """
        )

        @Argument(help: "The report to export ('-' for standard input; none for the built-in sample).", transform: PathArgument.nonEmpty)
        var file: String?

        @Option(name: .shortAndLong, help: "The output format.")
        var format: OutputFormat = .standard

        @Option(name: .shortAndLong, help: "Write here instead of standard output: a file, or a folder (one that exists, or a path ending in '/') holding one file per recipient, named after it (all.<ext> without --for).", transform: PathArgument.nonEmpty)
        var output: String?

        @Option(help: "Read the input as this format instead of recognising it.")
        var inputFormat: SourceFormat?

        @Flag(help: "Skip the in-process schema check of XML output.")
        var noValidate = false

        @Flag(help: "Drop invalid objects of an imported STIX bundle (and list them) instead of failing.")
        var dropInvalid = false

        @Flag(help: "Read a STIX 2.0 bundle as STIX 2.1 (spec_version, labels to the 2.1 vocabulary properties), listing each change.")
        var upgrade = false

        @OptionGroup var diagnostics: DiagnosticOptions

        @OptionGroup(title: "Recipients and sharing") var sharing: SharingOptions

        @OptionGroup(title: "Input limits") var limits: LimitOptions

        @OptionGroup(title: "STIX 2.1 options") var stix21: STIX21OptionGroup

        @OptionGroup(title: "STIX 1.2 options") var stix12: STIX12OptionGroup

        @OptionGroup(title: "MISP options") var misp: MISPOptionGroup

        func validate() throws {
            for group in [stix21, stix12, misp] as [any FormatOptionGroup] { try group.check(against: format.descriptor) }
        }

        func run() throws {
            diagnostics.apply()
            var importSettings = limits.settings
            importSettings.dropsInvalid = dropInvalid
            importSettings.upgradesSTIX20 = upgrade
            let loaded = try ReportLoader.load(path: file, format: inputFormat?.descriptor, settings: importSettings)
            Terminal.print(loaded.diagnostics)
            guard let report = loaded.report, !loaded.diagnostics.hasErrors else {
                throw ExitCode(ExitStatus.findings.rawValue)
            }
            var options = FormatOptions.default
            options.validatesOutput = !noValidate
            for group in [stix21, stix12, misp] as [any FormatOptionGroup] { group.apply(to: &options) }
            let recipients = try sharing.resolveRecipients(in: report)
            let destination = try OutputDestination(output, recipientCount: recipients.count, isFanOut: sharing.forMembers != nil)
            if recipients.count > 1 { try SharingOptions.checkDistinctFileNames(recipients) }
            // Every view is built before the first byte is written: one failing recipient writes nothing at all.
            // The report was read and indexed once; the views and then the files are made on every core.
            let views: [(view: ReleasedReport, stem: String?)]
            if recipients.isEmpty {
                views = [(ReleasedReport(everythingIn: report), nil)]
            } else {
                let policy = try sharing.policy()
                let built = Parallel.map(recipients) { recipient in try policy.view(report, for: recipient) }
                var made: [(view: ReleasedReport, stem: String?)] = []
                for (recipient, outcome) in zip(recipients, built) {
                    let (view, warnings) = try outcome.get()
                    Terminal.print(warnings)
                    made.append((view, recipient.fileStem))
                }
                views = made
            }
            var names = UniqueFileNames()
            var feedNames = UniqueFileNames()
            var jobs: [OutputWriter.Job] = []
            for (view, stem) in views {
                var own = options
                own[MISPFormatOptions.self].feedDirectory = try misp.feedDirectory(for: stem, outputs: views.count, names: &feedNames)
                let path = try destination.path(for: stem, extension: format.descriptor.fileExtension, names: &names)
                jobs.append(OutputWriter.Job(view: view, options: own, path: path))
            }
            var failure: (any Error)?
            for outcome in OutputWriter.write(jobs, format: format) {
                switch outcome {
                case .success(let summary):
                    Terminal.print(summary.warnings)
                    Terminal.printNotCarried(summary.notCarried, format: format.descriptor.name)
                case .failure(let error):
                    failure = failure ?? error  // the first recipient's, in order, whichever failed first
                }
            }
            if let failure { throw failure }
        }
    }
}
