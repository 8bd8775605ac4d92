import ExportCore

/// A static MISP feed, checked through its `manifest.json`: each entry is keyed by an event UUID and holds that
/// event's `info` and numeric `timestamp`; the `<uuid>.json` beside the manifest must exist, hold that event
/// (its `uuid` the key) and pass the event checks, its findings located in its own file.
enum MISPFeedManifest {
    static func validate(_ input: InputHandle, limits: InputLimits) throws -> [Diagnostic] {
        var check = MISPCheck(file: input.name)
        var entries: [(uuid: String, at: LocatedJSON)] = []
        var scanner = JSONStreamScanner(source: FileByteSource(input: input), limits: limits, streamsLists: false)
        do {
            try scanner.walkTree(descending: { $0.isEmpty }) { event in
                guard case .value(let path, let json) = event, let uuid = path.first else { return }
                guard json.members != nil else {
                    check.error("a manifest entry is an object with the event's 'info' and 'timestamp', not \(json.kindName)", at: json)
                    return
                }
                if json["info"]?.string == nil { check.error("the manifest entry for \(uuid) has no 'info' string", at: json) }
                if let stamp = json["timestamp"] {
                    MISPRules.timestamp(stamp, property: "timestamp", check: &check)
                } else {
                    check.error("the manifest entry for \(uuid) has no 'timestamp'", at: json)
                }
                entries.append((uuid, json))
            }
        } catch let error as JSONStreamScanner.SyntaxError {
            check.error(error.message, at: error.line, error.column, hint: "MISP documents are strict JSON (RFC 8259)")
            return check.diagnostics
        }
        guard input.name != InputFile.standardInputName else {
            check.append([
                Diagnostic(
                    .warning, "the feed's events were not checked: a manifest read from standard input has no folder",
                    at: SourceLocation(file: input.name, line: 1, column: 1), hint: "name manifest.json by its path")
            ])
            return check.diagnostics
        }
        let folder = input.name.lastIndex(of: "/").map { String(input.name[...$0]) } ?? ""
        for (uuid, entry) in entries {
            let path = folder + uuid + ".json"
            // The manifest names this file, not the user: no FIFO (it would block forever), no link, no device.
            guard InputFile.isPlainFile(path) else {
                check.error(
                    "the manifest lists \(uuid), but \(path) cannot be read: it is missing or not a regular file", at: entry,
                    hint: "a static feed holds <uuid>.json files beside manifest.json; links and pipes are not followed")
                continue
            }
            let event: InputHandle
            do {
                event = try InputHandle.open(path, limits: limits)
            } catch {
                check.error("the manifest lists \(uuid), but \(path) cannot be read", at: entry, hint: "a static feed holds <uuid>.json beside manifest.json")
                continue
            }
            let (findings, uuids) = try MISPValidator.events(event, limits: limits)
            check.append(findings)
            if !findings.hasErrors, uuids != [uuid] {
                check.error("\(path) holds event \(uuids.first ?? "(none)"), not \(uuid) as the manifest says", at: entry)
            }
        }
        return check.diagnostics
    }
}
