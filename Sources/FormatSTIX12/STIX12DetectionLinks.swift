import ExportCore

/// Indicators', observables', malware's and tools' links seen from their other end, looked up once per package:
/// STIX 1.2 writes a `uses` link inside its user (`Observed_TTPs`, `Related_TTPs`) and an incident's observables
/// inside the incident (`Related_Observables`), where the model keeps them on the malware, tool and observable.
struct STIX12DetectionLinks {
    /// A malware or tool used by someone: the STIX type its TTP's id keeps, its local id and the link's label.
    struct Use {
        let type: String
        let id: String
        let label: Marking?
    }

    /// The observables of the view by local id.
    let observables: [String: Observable]
    /// The local ids of the view's malware and tools.
    let malware: Set<String>
    let tools: Set<String>
    /// The malware (first) and tools each user uses, in the report's order.
    private var uses: [String: [Use]] = [:]
    /// The observables each incident involves, with the links' labels, in the report's order.
    private var involved: [String: [(observable: Observable, label: Marking?)]] = [:]

    init(_ report: ThreatReport) {
        var observables: [String: Observable] = [:]
        for observable in report.observables where observables[observable.id] == nil {
            observables[observable.id] = observable
        }
        self.observables = observables
        malware = Set(report.malware.map(\.id))
        tools = Set(report.tools.map(\.id))
        for item in report.malware {
            for link in item.usedBy { uses[link.ref, default: []].append(Use(type: "malware", id: item.id, label: link.label)) }
        }
        for item in report.tools {
            for link in item.usedBy { uses[link.ref, default: []].append(Use(type: "tool", id: item.id, label: link.label)) }
        }
        for observable in report.observables {
            for link in observable.involvedIn { involved[link.ref, default: []].append((observable, link.label)) }
        }
    }

    /// The malware and tools `user` uses.
    func uses(by user: String) -> [Use] { uses[user] ?? [] }

    /// The observables `incident` involves.
    func observables(involvedIn incident: String) -> [(observable: Observable, label: Marking?)] { involved[incident] ?? [] }
}
