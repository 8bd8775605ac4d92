import ArgumentParser
import Export

/// The options that choose recipients and tune the sharing policy, shared by `export` and `plan`; their help
/// reads true for both.
struct SharingOptions: ParsableArguments {
    @Option(
        name: .customLong("for"),
        help: ArgumentHelp("A recipient: an ISO country code or an actor id; only what it may receive is used. Repeatable.", valueName: "recipient"))
    var recipients: [String] = []

    @Option(help: ArgumentHelp("Every certain member of this partnership as a recipient (export: one file each, with -o DIR).", valueName: "partnership"))
    var forMembers: String?

    @Option(help: "The marking of items that have none when the report has no default, e.g. 'amber:five-eyes'.")
    var defaultMarking: String?

    @Flag(help: "Write [withheld] where free text names something withheld, instead of failing.")
    var redact = false

    /// The policy these options describe.
    func policy() throws -> SharingPolicy {
        SharingPolicy(defaultMarking: try defaultMarking.map(Marking.init(parsing:)), redactsWithheldNames: redact)
    }

    /// Every recipient named, in the order given, without repeats (`--for IND --for in` is one recipient).
    func resolveRecipients(in report: ThreatReport) throws -> [Recipient] {
        var resolved = try recipients.map { try Recipient.resolve($0, in: report) }
        if let forMembers { resolved += try Recipient.members(of: forMembers, in: report) }
        // Who the recipient is, not its file stem: an imported actor whose id is `IND` is not India.
        var seen: Set<String> = []
        return resolved.filter { seen.insert("\($0.country?.alpha3 ?? "")|\($0.actorIDs.sorted())").inserted }
    }

    /// Refuses two different recipients whose files would have the same name: a suffix would decide by order
    /// which of them gets `IND.json`, and an imported actor with the id `ind` could take India's file.
    /// - Throws: ``ExportError`` `.invalidInput` naming both.
    static func checkDistinctFileNames(_ recipients: [Recipient]) throws {
        var owners: [String: Recipient] = [:]
        for recipient in recipients {
            let name = SafeFileName.stem(recipient.fileStem).lowercased()
            if let other = owners[name] {
                let files = "\(SafeFileName.stem(other.fileStem)) and \(SafeFileName.stem(recipient.fileStem))"
                throw ExportError(
                    .invalidInput,
                    "recipients '\(other.input)' and '\(recipient.input)' would get files named alike (\(files)), "
                        + "which one file system or a reader could mistake for each other; export them separately with --for")
            }
            owners[name] = recipient
        }
    }
}
