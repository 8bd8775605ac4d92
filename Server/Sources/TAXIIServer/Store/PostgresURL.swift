/// A `postgres://user:password@host:port/database` URL (`--database`), read once. Its ``description`` never shows
/// the password, and no error about it quotes the password, so that neither a log line nor a refusal carries it.
struct PostgresURL: Sendable, Equatable, CustomStringConvertible {
    let user: String
    let password: String?
    let host: String
    let port: Int
    let database: String

    /// Reads a URL; `postgresql://` is taken as well, and the port defaults to 5432.
    /// - Throws: ``TAXIIConfigurationError`` saying what is missing or malformed, without quoting the password.
    init(_ text: String) throws(TAXIIConfigurationError) {
        func refuse(_ reason: String) -> TAXIIConfigurationError {
            TAXIIConfigurationError("--database: \(reason) (expected postgres://USER:PASSWORD@HOST:PORT/DATABASE)")
        }
        guard let rest = ["postgres://", "postgresql://"].lazy.compactMap({ text.hasPrefix($0) ? text.dropFirst($0.count) : nil }).first
        else { throw refuse("not a postgres:// URL") }
        // TLS and other connection parameters are not supported yet: refused, so that nothing is silently ignored
        // (a `sslmode=require` dropped on the floor would send the password in the clear).
        guard !rest.contains("?"), !rest.contains("#") else { throw refuse("parameters after '?' are not supported") }
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        let authority = rest[..<slash]
        guard let at = authority.lastIndex(of: "@") else { throw refuse("no user name") }
        let userInfo = authority[..<at]
        let colon = userInfo.firstIndex(of: ":")
        guard let user = Self.decode(userInfo[..<(colon ?? userInfo.endIndex)]), !user.isEmpty else {
            throw refuse("no user name, or a malformed %-escape in it")
        }
        self.user = user
        if let colon {
            guard let password = Self.decode(userInfo[userInfo.index(after: colon)...]) else {
                throw refuse("the password has a malformed %-escape")
            }
            self.password = password
        } else {
            password = nil
        }
        var hostPort = authority[authority.index(after: at)...]
        var portText: Substring?
        if hostPort.hasPrefix("[") {
            // An IPv6 literal: [::1]:5432.
            guard let close = hostPort.firstIndex(of: "]") else { throw refuse("an unclosed '[' in the host") }
            let after = hostPort[hostPort.index(after: close)...]
            if after.hasPrefix(":") { portText = after.dropFirst() } else if !after.isEmpty { throw refuse("junk after the host") }
            hostPort = hostPort[hostPort.index(after: hostPort.startIndex)..<close]
        } else if let portColon = hostPort.lastIndex(of: ":") {
            portText = hostPort[hostPort.index(after: portColon)...]
            hostPort = hostPort[..<portColon]
        }
        guard !hostPort.isEmpty, hostPort.utf8.allSatisfy({ $0 > 32 && $0 < 127 }) else { throw refuse("no host, or a malformed one") }
        host = String(hostPort)
        if let portText {
            guard portText.utf8.count <= 5, let port = Int(portText), (1...65535).contains(port) else {
                throw refuse("the port is not a number from 1 to 65535")
            }
            self.port = port
        } else {
            port = 5432
        }
        guard slash < rest.endIndex, let database = Self.decode(rest[rest.index(after: slash)...]), !database.isEmpty else {
            throw refuse("no database name, or a malformed %-escape in it")
        }
        self.database = database
    }

    /// The URL without its password: what logs and errors may show.
    var description: String {
        let host = self.host.contains(":") ? "[\(self.host)]" : self.host
        return "postgres://\(user)@\(host):\(port)/\(database)"
    }

    /// Percent-decodes one part; `nil` for a malformed escape, invalid UTF-8 or a NUL (which PostgreSQL's startup
    /// message cannot carry).
    private static func decode(_ text: Substring) -> String? {
        guard let bytes = PercentDecoding.bytes(text, plusIsSpace: false), !bytes.contains(0) else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }
}
