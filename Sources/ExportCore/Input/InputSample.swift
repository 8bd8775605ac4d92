/// What format recognition looks at: a document's structure, not a window of its first bytes.
///
/// For a JSON object, the top-level keys (walked with the STIX bundle scanner, skipping values unread, so a
/// bundle whose `type` comes after a gigabyte of `objects` is still a bundle; the walk stops as soon as a format
/// is certain); for
/// XML, the root element's name and namespace; for YAML, the top-level keys at the start of a line. The
/// first 64 KiB are kept for the DOCTYPE check and as the fallback for a JSON document too broken to walk.
///
/// ```swift
/// let sample = try InputSample(InputHandle.open("bundle.json"))
/// sample.topLevel["type"]   // "bundle"
/// ```
public struct InputSample: Sendable {
    /// The first 64 KiB of the input.
    public let head: [UInt8]
    /// The top-level keys seen, each with its value when that is a string (`nil` otherwise): the members of a
    /// JSON object, or the keys of a YAML mapping. Empty for XML.
    public let topLevel: [String: String?]
    /// Whether the input is a JSON object (its first byte, after white space, is `{`).
    public let isJSONObject: Bool
    /// Whether the JSON object broke before recognition had what it needed; recognisers fall back to ``head``.
    public let isBroken: Bool
    /// The root element's local name, for XML.
    public let rootName: String?
    /// The namespace URI of the root element, for XML.
    public let rootNamespace: String?

    /// The keys whose presence decides a format at once; the top-level walk stops at the first of them.
    static let decisiveKeys: Set<String> = ["format_version"]

    /// Samples an opened input from its start (it is read again, from the start, by whatever checks it).
    /// - Throws: ``ExportError`` `.io` when it cannot be read.
    public init(_ input: InputHandle, limits: InputLimits = .default) throws {
        head = try input.head()
        let first = head.drop { [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }.first
        isJSONObject = first == UInt8(ascii: "{")
        var source = FileByteSource(input: input)
        if first == UInt8(ascii: "<") {
            let root = try XMLRootElement.read(from: &source)
            (rootName, rootNamespace) = (root?.name, root?.namespace)
            (topLevel, isBroken) = ([:], false)
        } else if isJSONObject {
            (topLevel, isBroken) = try Self.jsonMembers(source, limits: limits)
            (rootName, rootNamespace) = (nil, nil)
        } else {
            topLevel = try Self.yamlKeys(&source)
            (isBroken, rootName, rootNamespace) = (false, nil, nil)
        }
    }

    /// Samples bytes already in memory.
    public init(bytes: [UInt8]) {
        // A memory input cannot fail to read.
        self = (try? InputSample(InputHandle(bytes: bytes, name: ""))) ?? InputSample(head: Array(bytes.prefix(64 << 10)))
    }

    private init(head: [UInt8]) {
        self.head = head
        (topLevel, isJSONObject, isBroken, rootName, rootNamespace) = ([:], false, true, nil, nil)
    }

    /// Whether the sample is certainly a STIX bundle: `"type": "bundle"` or `"id": "bundle--…"` at the top level.
    package var isBundle: Bool {
        topLevel["type"] == "bundle" || (topLevel["id"] ?? nil)?.hasPrefix("bundle--") == true
    }

    /// The top-level members of a JSON object, walked until a format is certain or the object ends.
    private static func jsonMembers(_ source: FileByteSource, limits: InputLimits) throws
        -> (members: [String: String?], isBroken: Bool)
    {
        var members: [String: String?] = [:]
        var scanner = JSONStreamScanner(source: source, limits: limits, streamsLists: false)
        do {
            try scanner.topLevelMembers(reading: ["type", "id", "spec_version"]) { key, value in
                members[key] = .some(value?.string)
                let sample = InputSample(members: members)
                return !(sample.isBundle || sample.isSTIXObject || decisiveKeys.contains(key))
            }
        } catch is JSONStreamScanner.SyntaxError {
            return (members, true)
        }
        return (members, false)
    }

    private init(members: [String: String?]) {
        (head, topLevel, isJSONObject, isBroken, rootName, rootNamespace) = ([], members, true, false, nil, nil)
    }

    /// Whether the sample is one STIX object: a `spec_version` of 2.x and an id of the form `<type>--…`.
    package var isSTIXObject: Bool {
        (topLevel["spec_version"] ?? nil)?.hasPrefix("2.") == true && (topLevel["id"] ?? nil)?.contains("--") == true
    }

    /// The keys that start a line (a YAML block mapping's top level), up to the first decisive one.
    private static func yamlKeys(_ source: inout FileByteSource) throws -> [String: String?] {
        var keys: [String: String?] = [:]
        var line: [UInt8] = []
        var collecting = true
        while let byte = try source.peek() {
            source.skip()
            if byte == 0x0A {
                collecting = true
                if let key = yamlKey(line) {
                    keys[key] = .some(nil)
                    if decisiveKeys.contains(key) { return keys }
                }
                line.removeAll(keepingCapacity: true)
            } else if collecting {
                // Only the first 64 bytes of a line can hold a top-level key worth recognising.
                if line.count < 64 { line.append(byte) } else { collecting = false }
            }
        }
        if let key = yamlKey(line) { keys[key] = .some(nil) }
        return keys
    }

    /// `key:` at the very start of a line (quoted or not), else `nil`.
    private static func yamlKey(_ line: [UInt8]) -> String? {
        guard let first = line.first, ![0x20, 0x09, 0x23, 0x2D, 0x0D].contains(first) else { return nil }
        let text = String(decoding: line, as: UTF8.self)
        guard let colon = text.firstIndex(of: ":") else { return nil }
        var key = text[..<colon]
        while key.last == " " || key.last == "\t" { key.removeLast() }
        let unquoted = key.count >= 2 && (key.first == "\"" || key.first == "'") && key.last == key.first
            ? String(key.dropFirst().dropLast()) : String(key)
        return unquoted.isEmpty ? nil : unquoted
    }
}
