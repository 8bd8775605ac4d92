extension DocumentValidator {
    /// The authoring format (YAML or JSON), recognised by its `format_version` key; validation is `lint`.
    public static let authoring = DocumentValidator(name: "authoring", recognises: recognisesAuthoring) { input in
        let bytes: [UInt8]
        let name: String
        switch input {
        case .file(let path): (bytes, name) = try InputFile.read(path)
        case .bytes(let given, let givenName): (bytes, name) = (given, givenName)
        }
        return InputFormat.authoring.read(bytes, name, .default).diagnostics
    }

    /// Not markup, and the authoring format's own top-level key near the start.
    private static func recognisesAuthoring(_ head: [UInt8]) -> Bool {
        guard let first = head.first(where: { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }),
            first != UInt8(ascii: "<")
        else { return false }
        return head.firstRange(of: Array("format_version".utf8)) != nil
    }
}
