package import ExportCore
package import ExportXML

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

    /// Whether `bytes` are report XML; see ``recognises(_:)-(InputSample)``.
    package static func recognises(_ bytes: [UInt8]) -> Bool { recognises(InputSample(bytes: bytes)) }

    /// Whether a document is report XML: its root element is in our namespace.
    package static func recognises(_ sample: InputSample) -> Bool { sample.rootNamespace == namespace }
}
