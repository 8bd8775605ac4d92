import Testing

@testable import TAXIIServer

/// `--database`: what is read from the URL, and that neither its description nor any refusal shows the password.
struct PostgresURLTests {
    @Test func readsEveryPart() throws {
        let url = try PostgresURL("postgres://taxii:p%40ss%3Aw%2Frd@db.example:6543/exportctl")
        #expect(url == (try PostgresURL("postgresql://taxii:p%40ss%3Aw%2Frd@db.example:6543/exportctl")))
        #expect(url.user == "taxii" && url.password == "p@ss:w/rd" && url.host == "db.example")
        #expect(url.port == 6543 && url.database == "exportctl")
        #expect(url.description == "postgres://taxii@db.example:6543/exportctl")
        let bare = try PostgresURL("postgres://taxii@[::1]/db")
        #expect(bare.password == nil && bare.host == "::1" && bare.port == 5432)
        #expect(bare.description == "postgres://taxii@[::1]:5432/db")
        // A raw '@' in the password: the last '@' ends the user information.
        #expect(try PostgresURL("postgres://u:a@b@h:1/d").password == "a@b")
    }

    @Test(arguments: [
        ("mysql://u:Secret-1@h/d", "not a postgres:// URL"),
        ("postgres://h:5432/d", "no user name"),
        ("postgres://:Secret-1@h/d", "no user name"),
        ("postgres://u:Secret-1@h:99999/d", "the port"),
        ("postgres://u:Secret-1@h:x/d", "the port"),
        ("postgres://u:Secret-1@h:5432", "no database name"),
        ("postgres://u:Secret-1@h:5432/", "no database name"),
        ("postgres://u:Secret-1@/d", "no host"),
        ("postgres://u:Secret-1@[::1/d", "unclosed"),
        ("postgres://u:Secret-1@h/d?sslmode=require", "parameters after '?'"),
        ("postgres://u:Secret-1%zz@h/d", "malformed %-escape"),
        ("postgres://u:Secret-1%00@h/d", "malformed %-escape"),
    ])
    func refusesWithoutShowingThePassword(text: String, reason: String) {
        do {
            _ = try PostgresURL(text)
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.description.contains(reason), "\(error.description)")
            #expect(!error.description.contains("Secret-1"), "the password is in: \(error.description)")
        }
    }
}
