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

        @Option(help: "The official STIX 1.2 schema directory for --format stix12 (else $EXPORTCTL_STIX12_SCHEMAS).")
        var stix12Schemas: String?

        @Flag(help: "Drop invalid objects of an imported STIX bundle (and list them) instead of failing.")
        var dropInvalid = false

        @OptionGroup var sharing: SharingOptions

        @OptionGroup var limits: LimitOptions

        @Option(help: "MISP: one event per incident (per-incident, the default) or per report (per-report).")
        var mispEvents: String = MISPEventMode.perIncident.rawValue

        @Option(
            help: "MISP: also write a static MISP feed (<uuid>.json per event, manifest.json) into this folder (one subfolder per recipient with --for-members).")
        var mispFeed: String?

        @Option(
            help: "STIX 2.1: tune the bundle for a consumer: standard (strict STIX 2.1, the default) or opencti (adds OpenCTI's incident dates and marking properties).")
        var profile: String = STIXProfile.standard.rawValue

        func validate() throws {
            guard ExportFormat.named(format) != nil else {
                throw ValidationError(
                    "unknown format '\(format)'; known: \(ExportFormat.all.map(\.name).joined(separator: ", "))")
            }
            if let inputFormat, InputFormat.named(inputFormat) == nil {
                throw ValidationError(
                    "unknown input format '\(inputFormat)'; known: \(InputFormat.all.map(\.name).joined(separator: ", "))")
            }
            if MISPEventMode(rawValue: mispEvents) == nil {
                throw ValidationError("unknown --misp-events '\(mispEvents)'; known: per-incident, per-report")
            }
            guard let stixProfile = STIXProfile(rawValue: profile) else {
                throw ValidationError(
                    "unknown --profile '\(profile)'; known: \(STIXProfile.all.map(\.rawValue).joined(separator: ", "))")
            }
            if stixProfile != .standard, format != ExportFormat.stix21.name {
                throw ValidationError("--profile \(profile) needs --format stix21")
            }
            if mispFeed != nil, format != ExportFormat.misp.name {
                throw ValidationError("--misp-feed needs --format misp")
            }
        }

        func run() throws {
            guard let exportFormat = ExportFormat.named(format) else { throw ExitCode(ExitStatus.usage.rawValue) }
            var importSettings = limits.settings
            importSettings.dropsInvalid = dropInvalid
            let loaded = try ReportLoader.load(
                path: file, format: inputFormat.flatMap(InputFormat.named), settings: importSettings)
            Terminal.print(loaded.diagnostics)
            guard let report = loaded.report, !loaded.diagnostics.hasErrors else {
                throw ExitCode(ExitStatus.findings.rawValue)
            }
            var settings = ExportSettings.default
            settings.validatesOutput = !noValidate
            settings.stix12Schemas = stix12Schemas
            settings.mispEvents = MISPEventMode(rawValue: mispEvents) ?? .perIncident
            settings.stixProfile = STIXProfile(rawValue: profile) ?? .standard
            let recipients = try sharing.resolveRecipients(in: report)
            let destination = try OutputDestination(output, recipientCount: recipients.count, isFanOut: sharing.forMembers != nil)
            if recipients.count > 1 { try SharingOptions.checkDistinctFileNames(recipients) }
            // Every view is built before the first byte is written: one failing recipient writes nothing at all.
            var views: [(ReleasedReport, String?)] = []
            if recipients.isEmpty {
                views = [(ReleasedReport(everythingIn: report), nil)]
            } else {
                let policy = try sharing.policy()
                for recipient in recipients {
                    let (view, warnings) = try policy.view(report, for: recipient)
                    Terminal.print(warnings)
                    views.append((view, recipient.fileStem))
                }
            }
            var names = UniqueFileNames()
            var feedNames = UniqueFileNames()
            for (view, stem) in views {
                let path = try destination.path(for: stem, extension: exportFormat.fileExtension, names: &names)
                settings.mispFeedDirectory = try mispFeed.map { folder in
                    guard views.count > 1 else { return folder }
                    return try SafeFileName.path(in: folder, name: feedNames.name(for: stem ?? "all", extension: ""))
                }
                let summary = try OutputWriter.write(view, format: exportFormat, settings: settings, to: path)
                Terminal.print(summary.warnings)
                Terminal.printNotCarried(summary.notCarried, format: exportFormat.name)
            }
        }
    }
}
