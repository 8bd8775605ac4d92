import ArgumentParser
import Export

/// The options that choose recipients and tune the sharing policy, shared by `export` and `plan`.
struct SharingOptions: ParsableArguments {
    @Option(name: .customLong("for"), help: "Export only what this recipient may receive: an ISO country code or an actor id. Repeatable.")
    var recipients: [String] = []

    @Option(help: "Export once for each certain member of this partnership (needs -o DIR).")
    var forMembers: String?

    @Option(help: "The marking of items that have none when the report has no default, e.g. 'amber:five-eyes'.")
    var defaultMarking: String?

    @Flag(help: "Write [withheld] where free text names something withheld, instead of failing.")
    var redact = false

    /// The policy these options describe.
    func policy() throws -> SharingPolicy {
        SharingPolicy(defaultMarking: try defaultMarking.map(Marking.init(parsing:)), redactsWithheldNames: redact)
    }

    /// Every recipient named, in the order given, without repeats.
    func resolveRecipients(in report: ThreatReport) throws -> [Recipient] {
        var resolved = try recipients.map { try Recipient.resolve($0, in: report) }
        if let forMembers { resolved += try Recipient.members(of: forMembers, in: report) }
        var seen: Set<String> = []
        return resolved.filter { seen.insert($0.fileStem).inserted }
    }
}
