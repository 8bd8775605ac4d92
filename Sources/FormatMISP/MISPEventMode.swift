import ExportCore

/// How the MISP writer cuts a report into events.
public enum MISPEventMode: String, Sendable, Hashable, CaseIterable {
    /// One event per incident, plus one context event for the objects no incident reaches (the default).
    case perIncident = "per-incident"
    /// One event for the whole report.
    case perReport = "per-report"
}
