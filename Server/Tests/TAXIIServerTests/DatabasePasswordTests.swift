import Foundation
import Testing

@testable import TAXIIServer

/// The PostgreSQL password of `--database` reaches no log line and no error, whatever happens: a normal run logged
/// at trace level, a wrong password, a server that is not there. `$EXPORTCTL_DATABASE_URL` keeps it off the
/// command line.
@Suite(.serialized) struct DatabasePasswordTests {
    @Test func theDatabasePasswordNeverReachesTheLog() async throws {
        let setup = try TwoPartners()
        let database = try await TestDatabase.make(.postgres)
        let text = try #require(database.url)
        let password = try #require(try PostgresURL(text).password)
        let jp = Submission.headers("jp-ncc", setup.japan)
        let logFile = setup.folder.path + "/serve.log"
        let (posted, log) = try await offPool {
            FileManager.default.createFile(atPath: logFile, contents: nil)
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: logFile))
            let server = try ServeProcess(
                partners: setup.file, storage: database.serveArguments, logLevel: "trace", standardError: handle)
            let posted = try LoopbackHTTP(url: server.url).send(
                "POST", "/reports/collections/\(InboxCollection.id)/objects/", headers: jp,
                body: Submission.envelope([Submission.indicator(1)]))
            server.kill()
            try handle.close()
            return (posted, try String(contentsOfFile: logFile, encoding: .utf8))
        }
        #expect(posted.status == 202)
        #expect(log.contains("state in PostgreSQL") && log.contains("] submission"), "\(log.prefix(2000))")
        #expect(!log.contains(password), "the database password reached the log")
    }

    /// A wrong password and a closed port are each one clear error naming the database without its password (exit
    /// 2); the URL can come from the environment instead of the command line.
    @Test func refusalsNameTheDatabaseWithoutItsPassword() async throws {
        let setup = try TwoPartners()
        let database = try await TestDatabase.make(.postgres)
        let url = try PostgresURL(try #require(database.url))
        let wrong = "postgres://\(url.user):Wrong-Secret-7@\(url.host):\(url.port)/\(url.database)"
        let closed = "postgres://\(url.user):Wrong-Secret-7@127.0.0.1:1/\(url.database)"
        let serve = ["serve", "--partners", setup.file, "--port", "0"]
        let (badPassword, noServer, listed) = try await offPool {
            (try ServeProcess.outcome(serve + ["--database", wrong]),
             try ServeProcess.outcome(serve, environment: ["EXPORTCTL_DATABASE_URL": closed]),
             try ServeProcess.outcome(["submissions"], environment: ["EXPORTCTL_DATABASE_URL": database.url ?? ""]))
        }
        #expect(badPassword.status == 2 && badPassword.error.contains("password authentication failed"), "\(badPassword.error)")
        #expect(badPassword.error.contains("postgres://\(url.user)@\(url.host):\(url.port)/\(url.database)"))
        #expect(noServer.status == 2 && noServer.error.contains("postgres://\(url.user)@127.0.0.1:1/"), "\(noServer.error)")
        for outcome in [badPassword, noServer] {
            #expect(!(outcome.output + outcome.error).contains("Wrong-Secret-7"), "\(outcome.error)")
        }
        #expect(listed.status == 0 && listed.output.isEmpty, "\(listed.error)")
    }
}
