import ExportCore
import ExportSharing

/// Evidence read back: the notes ``STIXBundleBuilder`` writes for each quote about an object, link or membership.
extension STIXModelMapper {
    /// Whether a note is one of exportctl's evidence notes about exactly one object: created by the bundle's
    /// producer, marked derived by our extension. Anybody else's note stays an imported object.
    func isEvidenceNote(_ object: Object) -> Bool {
        guard let producerRef, Self.string(object, "type") == "note",
            Self.string(object, "created_by_ref") == producerRef,
            Self.ext(object, .object)["derived"] == .bool(true),
            Self.strings(object, "object_refs").count == 1, Self.string(object, "content") != nil,
            let subject = Self.strings(object, "object_refs").first.flatMap({ byID[$0] })
        else { return false }
        // Folded into its subject's evidence only when it carries exactly its subject's marking, as the writer
        // gives it: a note marked otherwise (an outsider's RED note) stays a note the policy decides by its own.
        return object["granular_markings"] == nil
            && Self.strings(object, "object_marking_refs") == Self.strings(subject, "object_marking_refs")
    }

    /// The quotes of the evidence notes about `stixID`, in bundle order; the notes are consumed.
    mutating func evidence(of stixID: String) -> [String] {
        let notes = evidenceNotes[stixID] ?? []
        for note in notes { if let id = Self.string(note, "id") { consumed.insert(id) } }
        return notes.compactMap { Self.string($0, "content") }
    }
}
