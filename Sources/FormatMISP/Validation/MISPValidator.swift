public import ExportCore

/// Checks MISP JSON against what PyMISP and MISP require (``MISPRules``): one event (`{"Event": {...}}`, or bare), a
/// `{"response": [...]}` list of events, or a static feed's `manifest.json`, which also checks each
/// `<uuid>.json` event file beside it.
///
/// An event is walked, not read whole: its members one by one and its `Attribute`, `Object`, `Tag`, `EventReport`
/// and `Galaxy` lists one element at a time, so memory holds one element, not the file.
///
/// ```swift
/// let findings = try MISPValidator.validate(InputHandle.open("event.json"))
/// ```
public enum MISPValidator {
    /// The lists of an event that are checked one element at a time.
    static let eventLists: Set<String> = ["Attribute", "Object", "Tag", "EventReport", "Galaxy"]

    /// Whether a document is MISP JSON: a top-level `Event` or `response`, or a feed manifest (a non-empty
    /// object whose every key is a UUID).
    public static func recognises(_ sample: InputSample) -> Bool {
        guard sample.isJSONObject, !sample.isBroken else { return false }
        return sample.topLevel["Event"] != nil || sample.topLevel["response"] != nil || isBareEvent(sample)
            || isManifest(sample)
    }

    /// An event without the `Event` wrapper (PyMISP's `to_json` writes it so): `info` with `uuid`, `Attribute` or
    /// `Orgc`, and no STIX `type`.
    static func isBareEvent(_ sample: InputSample) -> Bool {
        sample.topLevel["info"] != nil && sample.topLevel["type"] == nil
            && ["uuid", "Attribute", "Orgc"].contains { sample.topLevel[$0] != nil }
    }

    static func isManifest(_ sample: InputSample) -> Bool {
        !sample.topLevel.isEmpty && sample.topLevel.keys.allSatisfy(MISPRules.isUUID)
    }

    /// Checks an opened input: a feed manifest when its keys are UUIDs, else events.
    /// - Throws: ``ExportError`` `.io` when the input cannot be read.
    public static func validate(_ input: InputHandle, limits: InputLimits = .default) throws -> [Diagnostic] {
        let sample = try InputSample(input, limits: limits)
        if isManifest(sample) { return try MISPFeedManifest.validate(input, limits: limits) }
        return try events(input, limits: limits).findings
    }

    /// One event being walked: the members read so far and where it starts.
    private struct EventState {
        var path: [String]
        var members: [String: LocatedJSON] = [:]
        var start: (line: Int, column: Int)
        var holdsEvent = false
    }

    /// Checks the events of an input; also returns the UUIDs of the events found, in order.
    static func events(_ input: InputHandle, limits: InputLimits) throws -> (findings: [Diagnostic], uuids: [String]) {
        var check = MISPCheck(file: input.name)
        var stack: [EventState] = []
        var uuids: [String] = []
        var events = 0
        let isBare = isBareEvent(try InputSample(input, limits: limits))
        func isEvent(_ path: [String]) -> Bool {
            path.last == "Event" || path == ["response", "[]"] || (isBare && path.isEmpty)
        }
        func isEventList(_ path: [String]) -> Bool {
            guard let last = path.last, eventLists.contains(last) else { return false }
            return isEvent(Array(path.dropLast()))
        }
        var scanner = JSONStreamScanner(source: FileByteSource(input: input), limits: limits, streamsLists: false)
        do {
            try scanner.walkTree(descending: { path in
                path.isEmpty || path == ["response"] || isEvent(path) || isEventList(path)
            }) { event in
                switch event {
                case .open(let path, let line, let column, let isList):
                    if isEvent(path) {
                        guard !isList else {
                            check.error("an event is a JSON object, not a list", at: line, column)
                            return
                        }
                        if path.count > 1, stack.last?.path == Array(path.dropLast()) { stack[stack.count - 1].holdsEvent = true }
                        stack.append(EventState(path: path, start: (line, column)))
                        check.startEvent()
                    } else if (isEventList(path) || path == ["response"]), !isList {
                        check.error("'\(path.last ?? "")' must be a list, not an object", at: line, column)
                    }
                case .value(let path, let json):
                    guard let key = path.last else {
                        check.error("a MISP document is a JSON object, not \(json.kindName)", at: json)
                        return
                    }
                    let parent = Array(path.dropLast())
                    if isEvent(parent), let state = stack.last, state.path == parent {
                        stack[stack.count - 1].members[key] = json
                        if eventLists.contains(key), json.kind != .null, json.elements == nil {
                            check.error("'\(key)' must be a list, not \(json.kindName)", at: json)
                        }
                    } else if key == "[]", isEventList(parent) {
                        element(json, of: parent.last ?? "", check: &check)
                    } else if path == ["response"], json.kind != .null {
                        check.error("'response' must be a list of events, not \(json.kindName)", at: json)
                    } else if path == ["response", "[]"] {
                        check.error("an element of 'response' is an event object, not \(json.kindName)", at: json)
                    }
                case .close(let path):
                    guard isEvent(path), let state = stack.last, state.path == path else { return }
                    stack.removeLast()
                    // A `response` element that wraps `{"Event": ...}` is no event itself.
                    if state.holdsEvent, state.members.isEmpty { return }
                    events += 1
                    MISPRules.event(state.members, at: state.start, check: &check)
                    if let uuid = state.members["uuid"]?.string { uuids.append(uuid) }
                }
            }
        } catch let error as JSONStreamScanner.SyntaxError {
            check.error(error.message, at: error.line, error.column, hint: "MISP documents are strict JSON (RFC 8259)")
            return (check.diagnostics, uuids)
        }
        if events == 0, check.diagnostics.isEmpty {
            check.error("no MISP event: expected {\"Event\": {...}} or {\"response\": [{\"Event\": {...}}, ...]}", at: 1, 1)
        }
        return (check.diagnostics, uuids)
    }

    private static func element(_ json: LocatedJSON, of list: String, check: inout MISPCheck) {
        switch list {
        case "Attribute": MISPRules.attribute(json, check: &check)
        case "Object": MISPRules.object(json, check: &check)
        case "Tag": MISPRules.tag(json, check: &check)
        case "EventReport": MISPRules.eventReport(json, check: &check)
        default: MISPRules.galaxy(json, check: &check)
        }
    }
}
