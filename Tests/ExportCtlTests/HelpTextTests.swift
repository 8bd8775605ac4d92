import ExportTestSupport
import Foundation
import Testing

/// What a user reads: every subcommand's help says true things in whole sentences, errors share one prefix,
/// `--quiet` leaves errors only, format names take any case, and shell completion is generated.
struct HelpTextTests {
    static let subcommands = ["sample", "lint", "export", "plan", "validate"]

    @Test(arguments: subcommands)
    func helpExitsZeroAndHasNoHardLineBreaksMidSentence(subcommand: String) throws {
        let help = try ExportCtlRunner.run([subcommand, "--help"])
        #expect(help.status == 0)
        // ArgumentParser wraps at 80 columns itself; a literal newline in a discussion shows up as a line that
        // ends without punctuation and is far shorter than the width, followed by a lower-case continuation.
        let lines = help.output.components(separatedBy: "\n")
        for (line, next) in zip(lines, lines.dropFirst()) where !line.hasPrefix(" ") && !line.isEmpty && line.count < 50 {
            #expect(!(next.first?.isLowercase ?? false), "hard break after '\(line)'")
        }
    }

    @Test func planHelpSpeaksOfPlansNotExports() throws {
        let help = try ExportCtlRunner.run(["plan", "--help"]).output
        #expect(!help.contains("Export only") && !help.contains("needs -o DIR"), "\(help)")
        #expect(help.contains("--for <recipient>") && help.contains("--max-input-bytes"))
    }

    @Test func validateHelpNamesEveryFormatAndTakesTheInputLimits() throws {
        let help = try ExportCtlRunner.run(["validate", "--help"]).output
        for format in ["STIX 2.1", "STIX 1.2", "report XML", "stix12", "stix21", "report-xml", "authoring"] {
            #expect(help.contains(format), "validate --help does not name \(format)")
        }
        let file = try RepositoryPaths.makeTemporaryDirectory().appendingPathComponent("report.yaml")
        try Data(try ExportCtlRunner.run(["sample"]).stdout).write(to: file)
        let limited = try ExportCtlRunner.run(["validate", file.path, "--max-input-bytes", "100"])
        #expect(limited.status == 1 && limited.errors.contains("100"), "\(limited.errors)")
        #expect(try ExportCtlRunner.run(["validate", file.path]).status == 0)
    }

    @Test(arguments: [["export", "--format", "nope"], ["frobnicate"], ["validate", "--input-format", "misp?", "x"]])
    func usageErrorsShareTheErrorPrefix(arguments: [String]) throws {
        let run = try ExportCtlRunner.run(arguments)
        #expect(run.status == 2)
        #expect(run.errors.hasPrefix("exportctl: error: "), "\(run.errors)")
    }

    @Test func quietLeavesErrorsOnly() throws {
        let loud = try ExportCtlRunner.run(["export", "--format", "stix12", "--no-validate"])
        #expect(loud.status == 0 && loud.errors.contains("note: stix12 cannot carry"))
        let quiet = try ExportCtlRunner.run(["export", "--format", "stix12", "--no-validate", "--quiet"])
        #expect(quiet.status == 0 && quiet.errors.isEmpty, "\(quiet.errors)")
        #expect(quiet.stdout == loud.stdout)
        let broken = try ExportCtlRunner.run(["lint", "-q", "-"], input: Data("format_version: '1.0'\n".utf8))
        #expect(broken.status == 1 && broken.errors.contains("error:") && !broken.errors.contains("warning:"))
    }

    @Test func formatNamesTakeAnyCase() throws {
        let upper = try ExportCtlRunner.run(["export", "--format", "REPORT-JSON"])
        let lower = try ExportCtlRunner.run(["export", "--format", "report-json"])
        #expect(upper.status == 0 && upper.stdout == lower.stdout)
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptsOfferTheFormats(shell: String) throws {
        let script = try ExportCtlRunner.run(["--generate-completion-script", shell])
        #expect(script.status == 0)
        #expect(script.output.contains("stix21") && script.output.contains("report-json"), "\(shell)")
    }
}
