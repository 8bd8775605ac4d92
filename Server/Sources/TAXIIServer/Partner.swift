/// A partner of the server: who it is in the sharing model, and how it proves it.
public struct Partner: Sendable, Hashable {
    /// The user name it sends in HTTP Basic (`jp-ncc`): letters, digits, `.`, `_` and `-`, at most 64.
    public let name: String
    /// The recipient it is in the model: a country code (`JPN`) or an actor id, resolved in each report.
    public let recipient: String
    /// The bcrypt hash of its password.
    public let passwordHash: String

    /// Creates a partner, checking the name and recipient.
    /// - Throws: ``TAXIIConfigurationError`` when either is empty or holds other characters.
    public init(name: String, recipient: String, passwordHash: String) throws(TAXIIConfigurationError) {
        guard Self.isValidName(name) else {
            throw TAXIIConfigurationError(
                "partner name '\(name.debugDescription.dropFirst().dropLast())' must be 1 to 64 letters, digits, '.', '_' or '-'")
        }
        guard Self.isValidName(recipient) else {
            throw TAXIIConfigurationError("partner \(name): recipient must be a country code or an actor id")
        }
        guard passwordHash.hasPrefix("$2"), passwordHash.utf8.count == 60, Self.cost(of: passwordHash) != nil else {
            throw TAXIIConfigurationError("partner \(name): password_bcrypt is not a bcrypt hash")
        }
        self.name = name
        self.recipient = recipient
        self.passwordHash = passwordHash
    }

    /// The bcrypt cost of its hash (`$2b$12$…` → 12).
    var bcryptCost: UInt8 { Self.cost(of: passwordHash) ?? 0 }

    /// The cost of a `$2?$NN$` hash, 4 to 31; `nil` when the hash is not of that form.
    static func cost(of hash: String) -> UInt8? {
        let fields = hash.utf8.split(separator: UInt8(ascii: "$"), omittingEmptySubsequences: false)
        guard fields.count == 4, fields[0].isEmpty, fields[1].count == 2, fields[2].count == 2,
            let cost = UInt8(String(decoding: fields[2], as: UTF8.self)), (4...31).contains(cost)
        else { return nil }
        return cost
    }

    static func isValidName(_ text: String) -> Bool {
        (1...64).contains(text.utf8.count)
            && text.utf8.allSatisfy { byte in
                (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte) || byte == 46
                    || byte == 95 || byte == 45
            }
    }
}

/// A partners file or server option that cannot be used; the message names the file and the entry.
public struct TAXIIConfigurationError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, and where.
    public let description: String

    init(_ description: String) { self.description = description }
}
