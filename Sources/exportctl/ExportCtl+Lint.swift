import ArgumentParser
import Export

extension ExportCtl {
    /// `exportctl lint FILE...`: reports every problem in authoring documents.
    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check authoring documents (YAML or JSON) and report every problem at once.",
            discussion: """
                Prints each finding as file:line:col: error: message, with a hint on the next line, and warns where a \
                marking may not say what the author means for sharing. Exits 0 when no file has errors, 1 when any \
                has, 3 when a file cannot be read. With no FILE, lints the built-in sample; '-' reads standard input.
                """
        )

        @Argument(help: "Authoring documents to check ('-' for standard input).", transform: PathArgument.nonEmpty)
        var files: [String] = []

        @OptionGroup(title: "Input limits") var limits: LimitOptions

        @OptionGroup var diagnostics: DiagnosticOptions

        func run() throws {
            diagnostics.apply()
            var status = ExitStatus.success
            for file in files.isEmpty ? [nil] : files.map(Optional.some) {
                do {
                    var settings = limits.settings
                    settings.sharingHints = true
                    let result = try ReportLoader.load(path: file, format: .authoring, settings: settings)
                    Terminal.print(result.diagnostics)
                    if result.diagnostics.hasErrors { status = max(status, .findings) }
                } catch let error as ExportError {
                    Terminal.report(error)
                    status = max(status, ExitStatus(error.code))
                }
            }
            if status != .success { throw ExitCode(status.rawValue) }
        }
    }
}

extension ExitStatus: Comparable {
    static func < (lhs: ExitStatus, rhs: ExitStatus) -> Bool { lhs.rawValue < rhs.rawValue }
}
