import ArgumentParser
import Export
import Logging
import TAXIIServer

#if canImport(Glibc)
    import Glibc
#endif

/// `exportctl-serve`: the TAXII 2.1 server, and the partners file it reads. `exportctl serve` and
/// `exportctl partners add` run it.
@main
struct ExportCtlServe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exportctl-serve",
        abstract: "Serve reports over TAXII 2.1, each partner reading only what it may see.",
        version: ExportVersion.string,
        subcommands: [Serve.self, Partners.self, Submissions.self],
        defaultSubcommand: Serve.self
    )

    /// Exit codes as exportctl's: 0 ok, 1 invalid input, 2 usage, 3 input/output.
    static func main() async {
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch let error as ExportError {
            standardError("exportctl serve: error: \(error.reason)")
            for diagnostic in error.diagnostics { standardError("\(diagnostic)") }
            Glibc.exit(error.code == .usage ? 2 : error.code == .io ? 3 : 1)
        } catch let error as TAXIIConfigurationError {
            standardError("exportctl serve: error: \(error.description)")
            Glibc.exit(2)
        } catch {
            exit(withError: error)
        }
    }
}

extension ExportCtlServe {
    /// Serves reports.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve reports over TAXII 2.1, each partner reading its releasable view and writing to an inbox.",
            discussion: """
                Discovery is /taxii2/ and the API root /reports/; each report is a collection whose id is the UUID of \
                its STIX report object, and the write-only inbox collection takes partners' submissions (stored in \
                SQLite under --data, or in PostgreSQL with --database; list them with `exportctl-serve \
                submissions`). Partners authenticate with HTTP Basic (exportctl partners add). Binds to 127.0.0.1 \
                unless --host says otherwise; give it --tls-cert and --tls-key (or put it behind a TLS proxy) before \
                exposing it. With no REPORT, serves the built-in sample.
                """
        )

        @Argument(help: "The reports to serve (none for the built-in sample).")
        var reports: [String] = []

        @Option(help: "The partners file (exportctl partners add writes it).")
        var partners: String

        @Option(help: "The address to listen on.")
        var host = "127.0.0.1"

        @Option(help: "The port to listen on (0: any free port, printed on start).")
        var port = 9443

        @Option(help: "The folder for the server's SQLite database.")
        var data = "exportctl-taxii-data"

        @Option(help: ArgumentHelp(
            "Keep the state in PostgreSQL instead (postgres://USER:PASSWORD@HOST:PORT/DATABASE), shared by every instance given the same URL.",
            discussion: "Without it, $\(databaseVariable) is read: unlike an argument, it is not shown to other users by ps."))
        var database: String?

        @Option(help: "The most objects in one page.")
        var maxPageSize = 1000

        @Option(help: "The largest request body taken, in bytes (max_content_length).")
        var maxContentLength = 10_485_760

        @Option(help: "Seconds a client may take to send one whole request before it is cut off.")
        var readTimeout = 30.0

        @Option(help: "Serve HTTPS with this PEM certificate chain (with --tls-key).")
        var tlsCert: String?

        @Option(help: "The PEM private key of --tls-cert (unencrypted; keep it 0600).")
        var tlsKey: String?

        @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
        var logLevel: String = "info"

        func run() async throws {
            guard readTimeout.isFinite, readTimeout > 0, readTimeout <= 86_400 else {
                throw ValidationError("--read-timeout: a number of seconds above 0, at most 86400")
            }
            guard let level = Logger.Level(rawValue: logLevel) else {
                throw ValidationError("--log-level: one of trace, debug, info, notice, warning, error, critical")
            }
            var logger = Logger(label: "exportctl.taxii")
            logger.logLevel = level
            guard (tlsCert == nil) == (tlsKey == nil) else {
                throw ValidationError("--tls-cert and --tls-key go together")
            }
            let tls = tlsCert.flatMap { certificate in tlsKey.map { (certificate: certificate, key: $0) } }
            if tls == nil, !["127.0.0.1", "::1", "localhost"].contains(host) {
                // Without TLS, HTTP Basic passwords would cross the network in the clear.
                logger.warning(
                    "listening beyond loopback without TLS: passwords travel in the clear; give --tls-cert and --tls-key or put a TLS proxy in front")
            }
            let partnerList = try PartnersFile.read(partners)
            var loaded: [ThreatReport] = []
            for path in reports.isEmpty ? [nil] : reports.map(Optional.some) {
                let result = try ReportLoader.load(path: path)
                for diagnostic in result.diagnostics { standardError("\(diagnostic)") }
                guard let report = result.report, !result.diagnostics.hasErrors else {
                    throw ExportError(.invalidInput, "\(path ?? "the built-in sample"): cannot be served")
                }
                loaded.append(report)
            }
            let server = try await TAXIIServer(
                reports: loaded, partners: partnerList,
                configuration: .init(
                    host: host, port: port, dataFolder: data, database: database ?? environmentDatabase(),
                    maxPageSize: maxPageSize,
                    maxContentLength: maxContentLength, readTimeout: .milliseconds(Int64(readTimeout * 1000)), tls: tls),
                logger: logger)
            let host = self.host
            try await server.run { port in
                print("exportctl serve: listening on \(tls == nil ? "http" : "https")://\(host):\(port)/taxii2/")
                fflush(nil)
            }
        }
    }

    /// Manages the partners file.
    struct Partners: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Manage the partners a TAXII server knows.", subcommands: [Add.self])

        /// Adds a partner.
        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Add a partner with a new password, printed once (only its bcrypt hash is stored).")

            @Argument(help: "The partner's user name (letters, digits, '.', '_', '-').")
            var name: String

            @Option(help: "Who the partner is in the reports: a country code (JPN) or an actor id.")
            var recipient: String

            @Option(help: "The partners file to write (created 0600 when new).")
            var partners = "partners.yaml"

            func run() throws {
                let password = try PartnersFile.add(name: name, recipient: recipient, to: partners)
                print("added partner \(name) (recipient \(recipient)) to \(partners)")
                print("password: \(password)")
                print("(shown once; only its bcrypt hash is stored)")
            }
        }
    }
}

/// The environment variable read when `--database` is not given.
let databaseVariable = "EXPORTCTL_DATABASE_URL"

/// `$EXPORTCTL_DATABASE_URL`, when set and not empty.
func environmentDatabase() -> String? {
    getenv(databaseVariable).map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
}

/// Writes one line to standard error.
func standardError(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
}
