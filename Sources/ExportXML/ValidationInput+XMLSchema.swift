package import ExportCore

extension ValidationInput {
    /// Validates the document against an XSD, streaming it when it is large.
    package func validate(against schema: XMLSchema) throws -> [Diagnostic] {
        switch self {
        case .bytes(let bytes, let name): XMLValidation.validate(bytes, file: name, against: schema)
        case .file, .handle: try XMLValidation.validate(opened(), against: schema)
        }
    }
}
