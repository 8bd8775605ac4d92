public import ExportCore

/// Renders a ``SharingPlan`` as text for an analyst to review.
public enum PlanRenderer {
    /// The plan: what goes, per type; what is withheld, per type, each with its rule; and free-text hits.
    public static func render(_ plan: SharingPlan) -> String {
        var lines = ["Plan for \(plan.recipient.fileStem) (--for \(plan.recipient.input))", ""]
        lines += section("Receives", plan.released)
        lines += section("Withheld", plan.withheld)
        if !plan.textHits.isEmpty {
            lines.append("Free text naming withheld objects (export fails unless --redact):")
            lines += plan.textHits.map { "  \($0.message)" }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// The plan as JSON for approval workflows: the recipient, every decision (kind, id, name, whether
    /// released, rule, label) in report order, and the free-text hits.
    ///
    /// ```swift
    /// let bytes = CanonicalJSON.bytes(PlanRenderer.json(plan))
    /// ```
    public static func json(_ plan: SharingPlan) -> JSONValue {
        let decisions: [JSONValue] = plan.decisions.map { decision in
            var object: [String: JSONValue] = [
                "kind": .string(decision.kind), "id": .string(decision.id), "name": .string(decision.name),
                "released": .bool(decision.isReleased), "rule": .string(decision.rule),
            ]
            if let label = decision.label { object["label"] = .string(label) }
            return .object(object)
        }
        let hits: [JSONValue] = plan.textHits.map { hit in
            .object(["message": .string(hit.message), "hint": hit.hint.map(JSONValue.string) ?? .null])
        }
        return .object([
            "recipient": .object(["input": .string(plan.recipient.input), "name": .string(plan.recipient.fileStem)]),
            "released": .int(plan.released.count), "withheld": .int(plan.withheld.count),
            "decisions": .array(decisions), "text_hits": .array(hits),
        ])
    }

    private static func section(_ title: String, _ decisions: [SharingDecision]) -> [String] {
        var lines = ["\(title): \(decisions.count)"]
        let kinds = decisions.reduce(into: [String]()) { if !$0.contains($1.kind) { $0.append($1.kind) } }
        for kind in kinds {
            let items = decisions.filter { $0.kind == kind }
            lines.append("  \(kind) (\(items.count))")
            lines += items.map { "    \($0.id)  \($0.name)  [\($0.rule)]" }
        }
        lines.append("")
        return lines
    }
}
