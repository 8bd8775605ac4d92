package import ExportCore
package import ExportXML

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif
import Synchronization

/// Finds the official STIX 1.2 schemas, fills in the entry schema over them and compiles it once per directory.
///
/// exportctl does not copy the official schemas: they ship in the PyPI package `stix-validator`
/// (`sdv/resources/xsd/stix_1.2`). The directory comes from `--stix12-schemas DIR` or the
/// `EXPORTCTL_STIX12_SCHEMAS` environment variable.
///
/// ```swift
/// let schema = try STIX12Schemas.compiled(directory: "/venv/lib/python3.11/site-packages/sdv/resources/xsd/stix_1.2")
/// ```
package enum STIX12Schemas {
    /// The environment variable naming the official `stix_1.2` directory.
    package static let environmentVariable = "EXPORTCTL_STIX12_SCHEMAS"
    /// The entry schema template's path in the repository and in ``EmbeddedResources``.
    package static let templatePath = "Schemas/stix-1.2-entry.xsd"
    /// What the template holds in place of the directory.
    static let placeholder = "STIX12_SCHEMAS_DIR"

    /// How to get the schemas, for messages.
    package static let howToGet = """
        the official STIX 1.2 schemas ship in the PyPI package stix-validator: run \
        'pip install stix-validator==3.0.0' and pass --stix12-schemas <site-packages>/sdv/resources/xsd/stix_1.2 \
        (or set \(environmentVariable) to that directory)
        """

    private static let cache = Mutex<[String: XMLSchema]>([:])

    /// The directory to use: `explicit` when given, else the environment variable; `nil` when neither is set.
    package static func directory(explicit: String?) -> String? {
        if let explicit, !explicit.isEmpty { return explicit }
        guard let value = getenv(environmentVariable) else { return nil }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }

    /// The entry schema with every location made absolute under `directory`.
    package static func entrySchema(directory: String) throws -> String {
        guard let template = EmbeddedResources.files[templatePath] else {
            throw ExportError(.internal, "\(templatePath) is not embedded; run Scripts/embed-resources.py")
        }
        var absolute = directory.hasPrefix("/") ? directory : currentDirectory() + "/" + directory
        while absolute.count > 1 && absolute.hasSuffix("/") { absolute.removeLast() }
        return template.replacing(placeholder, with: uriPath(absolute))
    }

    /// The path as a URI reference: libxml2 silently skips an `xs:import` whose location is not a valid
    /// `xs:anyURI` (a space in the directory compiles a schema with no STIX types and no warning).
    package static func uriPath(_ path: String) -> String {
        let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/".utf8)
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        for byte in path.utf8 {
            if unreserved.contains(byte) {
                bytes.append(byte)
            } else {
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The compiled entry schema over `directory`, compiled once per process.
    /// - Throws: ``ExportError`` `.usage` when the directory does not hold the official schemas (with how to get
    ///   them), `.invalidInput` when they do not compile.
    package static func compiled(directory: String) throws -> XMLSchema {
        try cache.withLock { cache in
            if let schema = cache[directory] { return schema }
            guard isReadableFile(directory + "/stix_core.xsd") else {
                throw ExportError(.usage, "\(directory) does not hold the STIX 1.2 schemas (no stix_core.xsd); \(howToGet)")
            }
            let schema = try XMLSchema(text: try entrySchema(directory: directory), name: templatePath)
            cache[directory] = schema
            return schema
        }
    }

    /// Whether a document is a STIX 1.2 package: its root element is `STIX_Package` in the STIX 1 namespace.
    package static func recognises(_ sample: InputSample) -> Bool {
        sample.rootName == "STIX_Package" && sample.rootNamespace == STIX12Namespaces.stix
    }

    private static func isReadableFile(_ path: String) -> Bool { access(path, R_OK) == 0 }

    private static func currentDirectory() -> String {
        guard let buffer = getcwd(nil, 0) else { return "." }
        defer { free(buffer) }
        return String(cString: buffer)
    }
}
