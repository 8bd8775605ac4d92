import ExportCore

extension STIX21Reader {
    /// A well-formed STIX 2.1 bundle taken in one object at a time from the streaming scanner, with the bundle's
    /// id; `nil` for anything else, which ``readWhole(_:file:settings:)`` then reads as before.
    ///
    /// Why: a tree of the whole bundle held every key, string and location of the file at once (747 MB for a
    /// 114 MB bundle) only to be checked object by object and thrown away. Here each object's tree lives only
    /// while it is checked. What is left to the whole-document reader is rare and small, and has findings
    /// placed by the whole document: a syntax error (and a bundle over the object limit), a single object
    /// rather than a bundle, a STIX 2.0 bundle (upgraded or refused whole), `objects` that is not a list, and a
    /// local id that may repeat (its objects are compared a second time).
    static func streamedBundle(_ bytes: [UInt8], file: String, settings: ImportSettings)
        -> (intake: STIX21ObjectIntake, bundleID: String?)?
    {
        var scanner = JSONStreamScanner(
            source: FileByteSource(input: InputHandle(bytes: bytes, name: file), reportsProgress: false),
            limits: settings.limits,
            streamsLists: false)
        var intake = STIX21ObjectIntake(file: file, settings: settings)
        var evidence = STIXVersionEvidence(file: file)
        var members: [String: LocatedJSON] = [:]
        do {
            _ = try scanner.scan { item in
                switch item {
                case .member(let member):
                    guard member.key != "objects" else { throw LeftToWholeReader() }
                    members[member.key] = member.value
                    evidence.note(bundleMember: member)
                case .object(.success(let object)):
                    evidence.note(object)
                    intake.take(object)
                case .object(.failure), .listElement:
                    throw LeftToWholeReader()
                }
            }
        } catch {
            return nil
        }
        guard members["type"]?.string == "bundle", !evidence.isSTIX20, !intake.localIDs.mayRepeat() else { return nil }
        return (intake, members["id"]?.string)
    }

    /// Stops a streamed read at the first sign that the whole-document reader must read the input.
    private struct LeftToWholeReader: Error {}
}
