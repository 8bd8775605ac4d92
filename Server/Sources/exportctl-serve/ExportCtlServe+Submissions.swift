import ArgumentParser
import TAXIIServer

extension ExportCtlServe {
    /// Lists what partners sent to the inbox: the operator's way to read it, since no partner can.
    struct Submissions: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the objects partners submitted to the inbox, one JSON line each.",
            discussion: """
                Each line is {"partner", "status_id", "date_added", "object"}, oldest first. The inbox is \\
                write-only over TAXII: this command (or the database itself) is how its submissions are read.
                """)

        @Option(help: "The server's data folder (serve's --data).")
        var data = "exportctl-taxii-data"

        @Option(help: "The server's PostgreSQL URL (serve's --database; else $EXPORTCTL_DATABASE_URL), read instead of --data.")
        var database: String?

        @Option(help: "Only this partner's submissions.")
        var partner: String?

        func run() async throws {
            let lines = try await SubmissionListing.lines(
                dataFolder: data, database: database ?? environmentDatabase(), partner: partner)
            for line in lines {
                print(line)
            }
        }
    }
}
