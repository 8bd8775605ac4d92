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
