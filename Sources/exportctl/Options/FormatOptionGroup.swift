public import ArgumentParser
public import Export

/// One format's own command-line options, shown under the format's title in `--help`. Each group fills in its
/// format's ``FormatOptionSet`` and is refused when given for another format.
protocol FormatOptionGroup: ParsableArguments {
    /// The format these options belong to.
    static var format: FormatDescriptor { get }
    /// The options given that differ from the defaults, as written (`--profile opencti`), for the error when the
    /// chosen format is another.
    var given: [String] { get }
    /// Writes these options into the run's options.
    func apply(to options: inout FormatOptions)
}

extension FormatOptionGroup {
    /// Refuses options of this format when `chosen` is another (`--profile opencti needs --format stix21`).
    func check(against chosen: FormatDescriptor) throws {
        if let first = given.first, chosen.name != Self.format.name {
            throw ValidationError("\(first) needs --format \(Self.format.name)")
        }
    }
}

/// `--profile` (STIX 2.1).
struct STIX21OptionGroup: FormatOptionGroup {
    static var format: FormatDescriptor { .stix21 }

    @Option(
        help: ArgumentHelp(
            "Tune the bundle for a consumer: standard (strict STIX 2.1) or opencti (adds OpenCTI's incident dates and marking properties).",
            valueName: "profile"))
    var profile: STIXProfile = .standard

    var given: [String] { profile == .standard ? [] : ["--profile \(profile.rawValue)"] }

    func apply(to options: inout FormatOptions) { options[STIX21FormatOptions.self].profile = profile }
}

/// `--stix12-schemas` (STIX 1.2), for `export` and `validate`.
struct STIX12OptionGroup: FormatOptionGroup {
    static var format: FormatDescriptor { .stix12 }

    @Option(help: ArgumentHelp("The official STIX 1.2 schema directory (else $EXPORTCTL_STIX12_SCHEMAS).", valueName: "dir"), transform: PathArgument.nonEmpty)
    var stix12Schemas: String?

    // Accepted with any format: `validate` may meet STIX 1.2 among other files, and scripts pass it always.
    var given: [String] { [] }

    func apply(to options: inout FormatOptions) { options[STIX12FormatOptions.self].schemas = stix12Schemas }
}

/// `--misp-events` and `--misp-feed` (MISP).
struct MISPOptionGroup: FormatOptionGroup {
    static var format: FormatDescriptor { .misp }

    @Option(help: ArgumentHelp("One event per incident (per-incident) or one per report (per-report).", valueName: "mode"))
    var mispEvents: MISPEventMode = .perIncident

    @Option(
        help: ArgumentHelp(
            "Also write a static MISP feed (<uuid>.json per event, manifest.json) as this folder, replacing an earlier feed there whole; with --for-members, one subfolder per recipient.",
            valueName: "dir"), transform: PathArgument.folder)
    var mispFeed: String?

    var given: [String] {
        (mispEvents == .perIncident ? [] : ["--misp-events \(mispEvents.rawValue)"])
            + (mispFeed == nil ? [] : ["--misp-feed"])
    }

    func apply(to options: inout FormatOptions) { options[MISPFormatOptions.self].events = mispEvents }

    /// The feed folder for one output: `--misp-feed` itself, or a subfolder named after the recipient when one
    /// run writes several.
    func feedDirectory(for stem: String?, outputs: Int, names: inout UniqueFileNames) throws -> String? {
        try mispFeed.map { folder in
            guard outputs > 1 else { return folder }
            return try SafeFileName.path(in: folder, name: names.name(for: stem ?? "all", extension: ""))
        }
    }
}

extension STIXProfile: ExpressibleByArgument {
    public static var allValueStrings: [String] { all.map(\.rawValue) }
}

extension MISPEventMode: ExpressibleByArgument {}
