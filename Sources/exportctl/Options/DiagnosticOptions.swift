import ArgumentParser

/// `--quiet`, for every command that prints findings: errors only on standard error.
struct DiagnosticOptions: ParsableArguments {
    @Flag(name: [.customShort("q"), .long], help: "Print errors only: no warnings, notes or 'cannot carry' lists.")
    var quiet = false

    /// Makes ``Terminal`` print errors only when `--quiet` was given.
    func apply() { Terminal.isQuiet = quiet }
}
