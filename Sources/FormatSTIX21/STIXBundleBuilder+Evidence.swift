import ExportCore

/// Evidence: each quote that supports an object, link or membership becomes a `note` about it.
///
/// A note rather than the object's `description`, because a quote is not the author's statement, and one
/// note per quote so that consumers show each passage on its own and a reader gets the quotes back exactly.
/// The note carries the marking of the item it is about, so it reaches exactly who receives the item.
extension STIXBundleBuilder {
    /// The `abstract` of every evidence note.
    static let evidenceAbstract = "Evidence"

    /// Queues one note per quote about the object or relationship `subject` (a STIX id), under `marking`.
    ///
    /// - Parameter localID: the local id of the subject (an object's id, a relationship's local id), from
    ///   which each note's id derives: `<localID>|evidence|<index>`.
    mutating func noteEvidence(_ quotes: [String], about subject: String, localID: String, marking: Marking?) {
        for (index, quote) in quotes.enumerated() {
            let id = id("note", "\(localID)|evidence|\(index)")
            guard claim(id) else { continue }
            var note = common(type: "note", id: id, marking: marking)
            note["abstract"] = .string(Self.evidenceAbstract)
            note["content"] = .string(quote)
            note["object_refs"] = .array([.string(subject)])
            var ext = JSONObjectBuilder()
            ext["derived"] = .bool(true)
            attach([(STIXExtensionDefinition.object.id, ext)], to: &note)
            list(id)
            evidenceNotes.append(note)
        }
    }

    /// The notes queued so far, handed over once: the writer streams them after the objects they are about.
    mutating func takeEvidenceNotes() -> [JSONObjectBuilder] {
        defer { evidenceNotes = [] }
        return evidenceNotes
    }
}
