import ArgumentParser
import TAXIIServer

extension ExportCtlServe {
    /// Lists what partners sent to the inbox: the operator's way to read it, since no partner can.
    struct Submissions: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the objects partners submitted to the inbox, one JSON line each.",
            discussion: """
                Each line is {"partner", "status_id", "date_added", "object"}, oldest first. The inbox is \\
                write-only over TAXII: this command (or the SQLite database itself) is how its submissions are read.
                """)

        @Option(help: "The server's data folder (serve's --data).")
        var data = "exportctl-taxii-data"

        @Option(help: "Only this partner's submissions.")
        var partner: String?

        func run() throws {
            for line in try SubmissionListing.lines(dataFolder: data, partner: partner) {
                print(line)
            }
        }
    }
}
