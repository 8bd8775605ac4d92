import ExportCore

extension Incident {
    /// The incident's part of ``ThreatReport/rewriteFreeText(_:)``: its title and narrative, its vocabulary
    /// values (kind, status, determination), where it happened, its evidence, and its links' descriptions and
    /// evidence.
    mutating func rewriteFreeText(_ body: ThreatReport.TextRewrite) {
        let path = "incidents['\(id)']"
        title = body(title, "\(path).title", .prose)
        kind = ThreatReport.rewrite(kind, "\(path).kind", body)
        status = ThreatReport.rewrite(status, "\(path).status", body)
        determination = ThreatReport.rewrite(determination, "\(path).determination", body)
        description = description.map { body($0, "\(path).description", .prose) }
        outcome = outcome.map { body($0, "\(path).outcome", .prose) }
        impacts = ThreatReport.rewrite(impacts, "\(path).impacts", body)
        evidence = ThreatReport.rewrite(evidence, "\(path).evidence", body)
        if let name = location?.name { location?.name = body(name, "\(path).where.name", .prose) }
        if let region = location?.region { location?.region = ThreatReport.rewrite(region, "\(path).where.region", body) }
        ThreatReport.rewrite(&attributedTo, "\(path).attributed_to", body)
        ThreatReport.rewrite(&targets, "\(path).targets", body)
        ThreatReport.rewrite(&responders, "\(path).responders", body)
        ThreatReport.rewrite(&supporters, "\(path).supporters", body)
    }
}
