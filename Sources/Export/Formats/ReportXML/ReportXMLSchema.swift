/// The report XML format's constants and its compiled schema.
package enum ReportXMLSchema {
    /// The namespace of report XML version 1.
    package static let namespace = "urn:exportctl:threat-report:1"
    /// The schema's path in the repository and in ``EmbeddedResources``.
    package static let path = "Schemas/threat-report.xsd"

    /// The embedded schema, compiled once for the whole process.
    private static let compiled: Result<XMLSchema, ExportError> = {
        guard let text = EmbeddedResources.files[path] else {
            return .failure(ExportError(.internal, "\(path) is not embedded; run Scripts/embed-resources.py"))
        }
        do {
            return .success(try XMLSchema(text: text, name: path, checksIdentityOnStream: true))
        } catch let error as ExportError {
            return .failure(ExportError(.internal, "\(path) does not compile", diagnostics: error.diagnostics))
        } catch {
            return .failure(ExportError(.internal, "\(path) does not compile: \(error)"))
        }
    }()

    /// The compiled schema.
    /// - Throws: ``ExportError`` `.internal` when the embedded schema is missing or broken (a build defect).
    package static func shared() throws -> XMLSchema { try compiled.get() }

    /// Whether `bytes` look like report XML: our namespace on the first element, within the first 4 KB.
    package static func recognises(_ bytes: [UInt8]) -> Bool {
        let head = bytes.prefix(4096)
        guard let open = head.firstIndex(where: { $0 == UInt8(ascii: "<") }) else { return false }
        let isXML = head[head.startIndex..<open].allSatisfy { [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
        return isXML && ["\"", "'"].contains { head.firstRange(of: Array("\($0)\(namespace)\($0)".utf8)) != nil }
    }
}
