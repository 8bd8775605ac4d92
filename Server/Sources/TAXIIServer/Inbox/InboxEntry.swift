import Export

/// One object of a submitted envelope, judged on its own: acceptable (to be stored) or refused with a reason.
///
/// The object is kept as canonical compact JSON, so that an exact duplicate is recognised whatever the key order
/// or spacing it was sent with.
struct InboxEntry: Sendable, Equatable {
    /// What happened to the object, before the store was asked.
    enum Verdict: Sendable, Equatable {
        /// It passed our STIX 2.1 checks; `bytes` is its canonical JSON.
        case acceptable(type: String, bytes: [UInt8])
        /// It did not; the reason is the first error, in words the client can act on.
        case refused(String)
    }

    /// Its `id`, as sent (empty when it has none, or it is not an object).
    let id: String
    /// Its STIX version: `modified`, else `created`; `nil` for an object that has neither (an SCO), whose one
    /// version is stored under the empty string, so that sending it again is a duplicate, not a second copy.
    let version: String?
    let verdict: Verdict

    /// Judges one element of an envelope's `objects`.
    /// - Parameters:
    ///   - element: The element as read.
    ///   - position: Its 1-based position, for messages.
    init(_ element: LocatedJSON, position: Int) {
        id = element["id"]?.string ?? ""
        version = element["modified"]?.string ?? element["created"]?.string
        guard element.members != nil else {
            verdict = .refused("object \(position) is \(element.kindName), not a STIX object")
            return
        }
        let value = element.value
        let type = element["type"]?.string ?? ""
        if type == "bundle" {
            // The validator would read a bundle as a document and check its objects: an envelope holds objects.
            verdict = .refused("object \(position) is a bundle; put its objects in the envelope instead")
            return
        }
        guard Self.isFinite(value) else {
            verdict = .refused("object \(position) holds a number too large to keep exactly")
            return
        }
        var bytes = CanonicalJSON.bytes(value, indent: nil)
        bytes.removeLast()  // the final newline
        let errors = STIXBundleValidator.validate(bytes: bytes, file: "object \(position)").filter { $0.severity == .error }
        if let first = errors.first {
            let more = errors.count > 1 ? " (and \(errors.count - 1) more)" : ""
            verdict = .refused("object \(position): \(first.message)\(more)")
        } else {
            verdict = .acceptable(type: type, bytes: bytes)
        }
    }

    /// Whether every number in `value` is finite (a literal like `1e999` reads as infinity, which JSON cannot
    /// write back). Iterative, so deep nesting cannot exhaust the stack.
    static func isFinite(_ value: JSONValue) -> Bool {
        var pending = [value]
        while let next = pending.popLast() {
            switch next {
            case .double(let number): if !number.isFinite { return false }
            case .array(let elements): pending += elements
            case .object(let members): pending += members.values
            default: continue
            }
        }
        return true
    }
}
