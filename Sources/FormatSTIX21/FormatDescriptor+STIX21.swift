import ExportCore
public import ExportSharing

/// `--profile`: the consumer a STIX 2.1 bundle is tuned for.
public struct STIX21FormatOptions: FormatOptionSet, Hashable {
    /// ``STIXProfile/standard`` unless `--profile` names another.
    public var profile: STIXProfile = .standard

    /// The defaults.
    public init() {}
}

extension FormatDescriptor {
    /// STIX 2.1 JSON: a bundle (the default export format), read and validated as a bundle or a single object,
    /// files streamed.
    public static let stix21 = FormatDescriptor(
        name: "stix21", fileExtension: "json", summary: "a STIX 2.1 JSON bundle with TLP 2.0 and ACS 3.0 markings",
        writer: Writer(name: "stix21", countsProgress: true) { view, options, sink in
            let profile = options[STIX21FormatOptions.self].profile
            return try STIX21Writer().write(view, options: STIX21Writer.Options(profile: profile), to: &sink)
        },
        reader: Reader(recognises: STIXBundleValidator.recognises) { bytes, file, settings in
            STIX21Reader.read(bytes, file: file, settings: settings)
        },
        validator: Validator(recognises: STIXBundleValidator.recognises) { input, options in
            switch input {
            case .bytes(let bytes, let name): STIXBundleValidator.validate(bytes: bytes, file: name)
            case .file, .handle: try STIXBundleValidator.validate(input.opened(), limits: options.limits)
            }
        }
    )
}
