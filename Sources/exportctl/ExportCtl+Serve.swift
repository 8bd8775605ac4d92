import ArgumentParser

extension ExportCtl {
    /// `exportctl serve REPORT... --partners FILE`: runs the TAXII 2.1 server (`exportctl-serve`).
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve reports over TAXII 2.1, each partner reading only its releasable view.",
            discussion: """
                Runs exportctl-serve, the TAXII server built from the Server/ package \
                (swift build -c release --package-path Server), found beside exportctl, through $EXPORTCTL_SERVE or \
                on PATH. Usage: exportctl serve [REPORT...] --partners FILE [--host 127.0.0.1] [--port N] \
                [--data DIR | --database postgres://...] [--tls-cert F --tls-key F] [--max-page-size N]. Binds to \
                loopback unless --host says otherwise. \
                exportctl serve --help shows the server's own help.
                """
        )

        @Argument(parsing: .captureForPassthrough, help: "Reports and options, passed to exportctl-serve.")
        var arguments: [String] = []

        func run() throws { try ServerCompanion.exec(["serve"] + arguments) }
    }

    /// `exportctl partners add NAME --recipient R [--partners FILE]`: manages the server's partners file.
    struct Partners: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Manage the partners of the TAXII server (exportctl partners add NAME --recipient JPN).",
            discussion: """
                Runs exportctl-serve partners: `add NAME --recipient R [--partners partners.yaml]` writes an entry \
                with a bcrypt hash, atomically, and prints the new password once.
                """
        )

        @Argument(parsing: .captureForPassthrough, help: "The partners command and its options.")
        var arguments: [String] = []

        func run() throws { try ServerCompanion.exec(["partners"] + arguments) }
    }
}
