package import ExportCore

/// Validates a document against a schema, choosing the tree or the stream by size.
///
/// Up to ``treeLimit`` bytes the document is parsed into a tree and validated whole: every finding then
/// carries the line of the element at fault, exactly as `xmllint --schema` reports it. Larger files stream
/// through a SAX parser with the schema plugged in (``XMLStreamValidator``), building no tree. There, a schema
/// that allows it (report XML's) has its keys and keyrefs checked by ``XMLIdentityChecker`` in compact memory,
/// with findings at the element at fault, as in the tree; other schemas' key and keyref findings point at the
/// end of the element that scopes the constraint (where libxml2's streaming validator can first know).
package enum XMLValidation {
    /// The largest document validated as a tree (its tree takes several times its size in memory).
    package static let treeLimit = 8 << 20

    /// Validates the file at `path`, opened once.
    /// - Throws: ``ExportError`` `.io` when the file cannot be read or is a device or socket.
    package static func validate(path: String, against schema: XMLSchema) throws -> [Diagnostic] {
        try validate(InputHandle.open(path), against: schema)
    }

    /// Validates an opened input: whole when small, else streamed.
    /// - Throws: ``ExportError`` `.io` when it cannot be read.
    package static func validate(_ input: InputHandle, against schema: XMLSchema) throws -> [Diagnostic] {
        guard input.size <= treeLimit else { return try XMLStreamValidator.validate(input, against: schema) }
        return validate(try InputFile.read(input, limits: .bytes(treeLimit)), file: input.name, against: schema)
    }

    /// Validates bytes held in memory.
    package static func validate(_ bytes: [UInt8], file: String, against schema: XMLSchema) -> [Diagnostic] {
        guard bytes.count <= treeLimit else { return XMLStreamValidator.validate(bytes, file: file, against: schema) }
        if bytes.isEmpty {
            return [
                Diagnostic(
                    .error, "the file is empty", at: SourceLocation(file: file, line: 1, column: 1),
                    hint: "an XML document needs a root element")
            ]
        }
        let parsed = XMLDocument.parse(bytes, file: file)
        guard let document = parsed.document else { return parsed.diagnostics }
        return parsed.diagnostics + schema.validate(document)
    }
}

extension InputLimits {
    /// The default limits with a different largest input.
    static func bytes(_ maxInputBytes: Int) -> InputLimits {
        var limits = InputLimits.default
        limits.maxInputBytes = maxInputBytes
        return limits
    }
}
