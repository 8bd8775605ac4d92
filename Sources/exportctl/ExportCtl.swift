import ArgumentParser
import Export

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// `exportctl`: turns a threat report into what each partner's tools ingest, and validates such files.
@main
struct ExportCtl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exportctl",
        abstract: "Export threat reports to STIX 2.1, XML and MISP, and validate such files.",
        version: ExportVersion.string,
        subcommands: [Sample.self, Lint.self, Export.self, Plan.self, Validate.self, Corpus.self, Serve.self, Partners.self]
    )

    /// Parses, runs, and maps every outcome to exportctl's exit codes (ArgumentParser alone would exit 64 on
    /// usage errors): 0 ok, 1 invalid input or findings, 2 usage error, 3 input/output error.
    static func main() async {
        // A reader that goes away early must surface as EPIPE (exit 3), not kill the process silently; likewise a
        // file-size limit must surface as EFBIG, so that the temporary file is removed and the error reported.
        signal(SIGPIPE, SIG_IGN)
        signal(SIGXFSZ, SIG_IGN)
        TemporaryFileRegistry.removeOnTermination()
        reserveClosedStandardDescriptors()
        do {
            LibXML.forbidNetworkAccess()  // once, before any schema or document is read
            var command = try parseAsRoot()
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
            terminate(ExitStatus.success.rawValue)
        } catch let error as ExportError {
            Terminal.report(error)
            terminate(ExitStatus(error.code).rawValue)
        } catch let error as ExitCode {
            terminate(error.rawValue)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                // --help and --version: their text is the output, and it must arrive (exit 3 when it cannot).
                do {
                    if !message.isEmpty { try OutputWriter.standardOutput(Array((message + "\n").utf8)) }
                } catch let error as ExportError {
                    Terminal.report(error)
                    terminate(ExitStatus.io.rawValue)
                } catch {
                    terminate(ExitStatus.io.rawValue)
                }
                terminate(0)
            }
            // ArgumentParser says "Error: ..."; every other error of exportctl's starts "exportctl: error: ".
            let prefix = "Error: "
            Terminal.error(message.hasPrefix(prefix) ? "exportctl: error: " + message.dropFirst(prefix.count) : message)
            terminate(ExitStatus.usage.rawValue)
        }
    }

    /// Opens `/dev/null` read-only on a closed descriptor 0, 1 or 2. Otherwise the next file opened would take
    /// its number, and output meant for the terminal would land in it (an input, or a temporary output file);
    /// read-only, every write to it fails with EBADF and is reported (exit 3) instead of vanishing.
    private static func reserveClosedStandardDescriptors() {
        for descriptor in Int32(0)...2 where fcntl(descriptor, F_GETFD) == -1 {
            let opened = open("/dev/null", O_RDONLY)
            if opened >= 0, opened != descriptor {
                dup2(opened, descriptor)
                close(opened)
            }
        }
    }

    /// Exits; a message that could not be written to standard error turns success or findings into exit 3.
    private static func terminate(_ status: Int32) -> Never {
        fflush(nil)
        Glibc.exit(Terminal.hasLostOutput ? max(status, ExitStatus.io.rawValue) : status)
    }
}
