/// A report of who did what to whom, and who shares with whom: the model every format reads and writes.
///
/// Build one directly, read one with ``AuthoringReader``, or start from ``SampleScenario``:
///
/// ```swift
/// var report = ThreatReport(
///     title: "Intelligence partnerships in Asia",
///     published: try PartialDate(parsing: "2023-11-15"),
///     producer: Producer(id: "cert.example.gov", name: "Example CERT"))
/// report.actors.append(Actor(id: "japan", name: "Japan", kind: .state, country: CountryCode("JP")))
/// ```
public struct ThreatReport: Sendable {
    /// The version of the authoring format this report follows.
    public static let currentFormatVersion = "1.0"

    /// The authoring format version the report was written in.
    public var formatVersion: String
    /// The report's title.
    public var title: String
    /// What the report is about.
    public var description: String?
    /// The report's date: membership and "as of" questions are answered at it.
    public var published: PartialDate
    /// Who produced the report.
    public var producer: Producer
    /// Where the report's knowledge came from.
    public var sources: [Source]
    /// The marking of every object and link that has none of its own.
    public var defaultMarking: Marking?
    /// The marking of the report's own narrative (title and description); `nil` means ``defaultMarking``.
    /// A recipient who may not see it receives a neutral title naming only the producer.
    public var marking: Marking? = nil
    /// States, agencies, organisations, people and threat actors.
    public var actors: [Actor]
    /// Recurring groups of hostile activity.
    public var intrusionSets: [IntrusionSet]
    /// Operations.
    public var campaigns: [Campaign]
    /// Alliances, dialogues, trilaterals, bilaterals, initiatives and agreements.
    public var partnerships: [Partnership]
    /// What happened.
    public var incidents: [Incident]
    /// Patterns to look for, with what they indicate.
    public var indicators: [Indicator] = []
    /// Addresses, domains, URLs, e-mail addresses and files seen.
    public var observables: [Observable] = []
    /// Malicious code the report's actors use.
    public var malware: [Malware] = []
    /// Legitimate software the report's actors use.
    public var tools: [Tool] = []
    /// STIX objects read from a bundle that the model has no place for (relationships it does not map, foreign
    /// marking definitions, indicators, observables, malware and tools carrying more than the model holds),
    /// kept verbatim: the STIX writer writes them back
    /// unchanged, other formats report them as not carried. Empty for authored reports.
    public var verbatimObjects: [JSONValue] = []
    /// Where the report came from when it was read from another producer's STIX bundle; `nil` otherwise.
    public var stixImport: STIXImport? = nil
    /// How each marking definition referenced by content read from a STIX bundle reads (TLP, releasable-to,
    /// or not understood), by its STIX id: the sharing policy decides verbatim objects and granular markings
    /// with it. Empty for authored reports.
    public var markingDefinitions: [String: MarkingDefinition] = [:]
    /// The STIX id of every model object read from a STIX bundle, with its local id, so that references from
    /// content kept verbatim can be followed. Empty for authored reports.
    public var importedIDs: [String: String] = [:]

    /// Creates a report.
    public init(
        formatVersion: String = ThreatReport.currentFormatVersion, title: String, description: String? = nil,
        published: PartialDate, producer: Producer, sources: [Source] = [], defaultMarking: Marking? = nil,
        marking: Marking? = nil, actors: [Actor] = [], intrusionSets: [IntrusionSet] = [], campaigns: [Campaign] = [],
        partnerships: [Partnership] = [], incidents: [Incident] = []
    ) {
        self.formatVersion = formatVersion
        self.title = title
        self.description = description
        self.published = published
        self.producer = producer
        self.sources = sources
        self.defaultMarking = defaultMarking
        self.marking = marking
        self.actors = actors
        self.intrusionSets = intrusionSets
        self.campaigns = campaigns
        self.partnerships = partnerships
        self.incidents = incidents
    }
}

extension ThreatReport: Hashable {}

/// What the STIX writer needs to write another producer's bundle back unchanged.
public struct STIXImport: Sendable, Hashable {
    /// The bundle's id, reused on export (bundles carry no meaning, but a new id would be a new finding).
    public var bundleID: String?
    /// The bundle's one report object, written back unchanged.
    public var report: JSONValue?
    /// Whether the report was made up to hold a bundle without exactly one report: it is never written as
    /// a STIX `report`.
    public var isSynthetic: Bool

    /// Creates the record.
    public init(bundleID: String?, report: JSONValue?, isSynthetic: Bool) {
        self.bundleID = bundleID
        self.report = report
        self.isSynthetic = isSynthetic
    }
}

extension ThreatReport {
    /// How many top-level objects (actors, activities, partnerships, incidents) the report holds.
    public var objectCount: Int {
        actors.count + intrusionSets.count + campaigns.count + partnerships.count + incidents.count
    }

    /// How many indicators, observables, malware and tools the report holds: counted apart from
    /// ``objectCount`` because only some formats carry them.
    public var detectionObjectCount: Int {
        indicators.count + observables.count + malware.count + tools.count
    }

    /// What a format that does not map indicators, observables, malware and tools leaves out of this report,
    /// by kind (`"indicator" → 3`), for ``ExportSummary/notCarried``: they are never dropped silently.
    public var detectionObjectsNotCarried: [String: Int] {
        let counts = [
            ("indicator", indicators.count), ("observable", observables.count), ("malware", malware.count),
            ("tool", tools.count),
        ]
        return Dictionary(uniqueKeysWithValues: counts.filter { $0.1 > 0 })
    }

    /// What a format that carries neither imported content nor indicators, observables, malware and tools
    /// leaves out: ``verbatimObjectCounts`` and ``detectionObjectsNotCarried`` together.
    public var verbatimAndDetectionObjectCounts: [String: Int] {
        verbatimObjectCounts.merging(detectionObjectsNotCarried, uniquingKeysWith: +)
    }
}

extension ThreatReport {
    /// Every modelled object's local id with the STIX 2.1 JSON it was imported from (`nil` when authored), in
    /// one fixed order: actors, intrusion sets, campaigns, partnerships, incidents, indicators, observables, malware, tools. The sharing policy, the name
    /// scan and the STIX 1.2 ids all walk this one list.
    package var modelObjects: [(id: String, imported: JSONValue?)] {
        actors.map { ($0.id, $0.imported) } + intrusionSets.map { ($0.id, $0.imported) }
            + campaigns.map { ($0.id, $0.imported) } + partnerships.map { ($0.id, $0.imported) }
            + incidents.map { ($0.id, $0.imported) } + indicators.map { ($0.id, $0.imported) }
            + observables.map { ($0.id, $0.imported) } + malware.map { ($0.id, $0.imported) }
            + tools.map { ($0.id, $0.imported) }
    }
}

extension ThreatReport {
    /// What a format other than STIX 2.1 cannot carry of an imported bundle: the verbatim objects by STIX
    /// type (`"STIX malware" → 3`), for ``ExportSummary/notCarried``.
    public var verbatimObjectCounts: [String: Int] {
        var counts: [String: Int] = [:]
        for object in verbatimObjects {
            counts["STIX " + (object["type"]?.stringValue ?? "object"), default: 0] += 1
        }
        return counts
    }
}
