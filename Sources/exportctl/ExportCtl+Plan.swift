import ArgumentParser
import Export

extension ExportCtl {
    /// `exportctl plan --for R`: what a recipient receives and what is withheld, with the rule for each.
    struct Plan: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show what a recipient would receive and what is withheld, with the rule that decided each item.",
            discussion: """
                Review this before sending. Exits 1 when free text in the recipient's view names something withheld \
                (unless --redact). --report-format json prints one JSON document with every decision, for approval \
                workflows (one document per recipient, one per line when several are named).
                """)

        @Argument(help: "The report ('-' for standard input; none for the built-in sample).", transform: PathArgument.nonEmpty)
        var file: String?

        @OptionGroup(title: "Recipients and sharing") var sharing: SharingOptions

        @Option(help: "How to print the plan: text (for a person) or json (for a workflow).")
        var reportFormat: PlanFormat = .text

        enum PlanFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

        @Flag(help: "Read a STIX 2.0 bundle as STIX 2.1, listing each change.")
        var upgrade = false

        @OptionGroup(title: "Input limits") var limits: LimitOptions

        @OptionGroup var diagnostics: DiagnosticOptions

        func run() throws {
            diagnostics.apply()
            var settings = limits.settings
            settings.upgradesSTIX20 = upgrade
            let loaded = try ReportLoader.load(path: file, settings: settings)
            Terminal.print(loaded.diagnostics)
            guard let report = loaded.report, !loaded.diagnostics.hasErrors else { throw ExitCode(ExitStatus.findings.rawValue) }
            let recipients = try sharing.resolveRecipients(in: report)
            guard !recipients.isEmpty else { throw ValidationError("name a recipient with --for or --for-members") }
            let policy = try sharing.policy()
            var hasHits = false
            for recipient in recipients {
                let plan = policy.plan(report, for: recipient)
                // Not print(): its errors are lost, and a plan that did not arrive must not exit 0. The text plan
                // quotes names from the input and is read on a terminal: control characters are shown escaped
                // (JSON escapes them itself).
                switch reportFormat {
                case .text:
                    try OutputWriter.standardOutput(Array((VisibleText.escaped(PlanRenderer.render(plan)) + "\n").utf8))
                case .json:
                    try OutputWriter.standardOutput(CanonicalJSON.bytes(PlanRenderer.json(plan), indent: nil) + [UInt8(ascii: "\n")])
                }
                if !plan.textHits.isEmpty && !policy.redactsWithheldNames { hasHits = true }
            }
            if hasHits { throw ExitCode(ExitStatus.findings.rawValue) }
        }
    }
}
