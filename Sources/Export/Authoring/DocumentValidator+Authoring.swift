extension DocumentValidator {
    /// The authoring format (YAML or JSON), recognised by its `format_version` key; validation is `lint`.
    public static let authoring = DocumentValidator(name: "authoring", recognises: recognisesAuthoring) { input in
        let opened = try input.opened()
        return InputFormat.authoring.read(try InputFile.read(opened), opened.name, .default).diagnostics
    }

    /// The authoring format's own top-level key (`format_version`), in a JSON object or a YAML mapping; a JSON
    /// object too broken to walk to it is judged by its first 64 KiB.
    static func recognisesAuthoring(_ sample: InputSample) -> Bool {
        if sample.topLevel["format_version"] != nil { return true }
        return sample.isBroken && sample.head.firstRange(of: Array("format_version".utf8)) != nil
    }
}
