import Export
import HummingbirdBcrypt
import Yams

#if canImport(Glibc)
    import Glibc
#endif

/// The partners file: each partner's name, recipient and bcrypt password hash, in YAML.
///
/// ```yaml
/// partners:
///   - name: jp-ncc
///     recipient: JPN
///     password_bcrypt: "$2b$12$..."
/// ```
public enum PartnersFile {
    private struct Document: Codable {
        var partners: [Entry]?
    }

    private struct Entry: Codable {
        var name: String
        var recipient: String
        var password_bcrypt: String
    }

    /// Reads the partners; a missing file is an error (a server with no partners serves nobody).
    /// - Throws: ``TAXIIConfigurationError`` naming the file and what is wrong.
    public static func read(_ path: String) throws -> [Partner] {
        let (bytes, name) = try InputFile.read(path, limits: .default)
        return try parse(String(decoding: bytes, as: UTF8.self), file: name)
    }

    static func parse(_ text: String, file: String) throws -> [Partner] {
        let document: Document
        do {
            document = try YAMLDecoder().decode(Document.self, from: text.isEmpty ? "{}" : text)
        } catch {
            throw TAXIIConfigurationError("\(file): not a partners file (partners: a list of name, recipient, password_bcrypt)")
        }
        var partners: [Partner] = []
        for entry in document.partners ?? [] {
            let partner: Partner
            do { partner = try Partner(name: entry.name, recipient: entry.recipient, passwordHash: entry.password_bcrypt) }
            catch { throw TAXIIConfigurationError("\(file): \(error.description)") }
            guard !partners.contains(where: { $0.name == partner.name }) else {
                throw TAXIIConfigurationError("\(file): partner \(partner.name) is listed twice")
            }
            partners.append(partner)
        }
        return partners
    }

    /// Adds a partner with a new random password, writing the file atomically (mode 0600 when it is new), and
    /// returns the password: the only time it is shown.
    /// - Throws: ``TAXIIConfigurationError`` when the name is taken or invalid; ``ExportError`` `.io` when the
    ///   file cannot be written.
    public static func add(name: String, recipient: String, to path: String, cost: UInt8 = 12) throws -> String {
        var partners: [Partner] = []
        if access(path, F_OK) == 0 { partners = try read(path) }
        guard !partners.contains(where: { $0.name == name }) else {
            throw TAXIIConfigurationError("\(path): partner \(name) already exists; remove its entry to replace it")
        }
        let password = makePassword()
        partners.append(try Partner(name: name, recipient: recipient, passwordHash: Bcrypt.hash(password, cost: cost)))
        // A new file is created private first, so that the atomic replacement keeps that mode.
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        if fd >= 0 { close(fd) }
        let file = try AtomicFile(path: path)
        try file.sink.write(Array(render(partners).utf8))
        try file.commit()
        return password
    }

    static func render(_ partners: [Partner]) -> String {
        var text = "# exportctl TAXII partners: written by `exportctl partners add`; passwords are stored as bcrypt hashes only.\n"
        text += "partners:\n"
        for partner in partners {
            // Names and recipients are checked to plain characters, and a bcrypt hash is [./$A-Za-z0-9]: no quoting needed.
            text += "  - name: \"\(partner.name)\"\n    recipient: \"\(partner.recipient)\"\n"
            text += "    password_bcrypt: \"\(partner.passwordHash)\"\n"
        }
        return text
    }

    /// 24 characters from a 62-letter alphabet (about 143 bits) from the system's random generator.
    static func makePassword() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<24).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }
}
