public import ExportSharing
import ExportCore

/// `--misp-events` and `--misp-feed`.
public struct MISPFormatOptions: FormatOptionSet, Hashable {
    /// One MISP event per incident (the default) or one per report.
    public var events: MISPEventMode = .perIncident
    /// Also write a static MISP feed into this folder.
    public var feedDirectory: String?

    /// The defaults.
    public init() {}
}

extension FormatDescriptor {
    /// MISP events, written and validated (an event, a `{"response": [...]}` list, a feed's manifest.json with
    /// its events); exportctl does not read them.
    public static let misp = FormatDescriptor(
        name: "misp", fileExtension: "json",
        summary: "MISP events with attributes (to_ids for detections), objects, galaxies, tags and sharing groups; --misp-feed DIR for a static feed",
        writer: Writer(name: "misp") { view, options, sink in
            let own = options[MISPFormatOptions.self]
            return try MISPWriter().write(view, options: .init(events: own.events, feedDirectory: own.feedDirectory), to: &sink)
        },
        validator: Validator(recognises: MISPValidator.recognises) { input, _ in
            try MISPValidator.validate(input.opened())
        }
    )
}
