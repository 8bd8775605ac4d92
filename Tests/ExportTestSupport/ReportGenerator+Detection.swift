public import Export

/// Indicators, observables, malware and tools added to a generated report, each with its own random marking
/// and a planted token in every field that leaves: a leak check greps every format's output for the tokens
/// of the items a recipient does not receive.
extension ReportGenerator {
    /// Adds the objects and returns each one's tokens by local id. Values and patterns carry fixed-width
    /// serials, so no token is a substring of another.
    public mutating func addDetectionObjects(to report: inout ThreatReport) throws -> [String: [String]] {
        var tokens: [String: [String]] = [:]
        let parties = report.partnerships.map(\.id)
        let users = report.actors.filter { $0.kind == .threatActor }.map(\.id)
        let incidents = report.incidents.map(\.id)
        for index in 0..<4 {
            let serial = 5000 + index
            let id = "obs-\(serial)"
            var observable: Observable
            switch index % 3 {
            case 0: observable = Observable(id: id, kind: .domain, value: "obstok\(serial).example")
            case 1: observable = Observable(id: id, kind: .url, value: "https://obstok\(serial).example/x")
            default:
                observable = Observable(id: id, kind: .file, hashes: [FileHash(.sha256, String(repeating: "\(serial)", count: 16))],
                                        fileName: "obstok\(serial).exe")
            }
            observable.marking = try marking(parties: parties)
            if !incidents.isEmpty, random.chance(0.5) { observable.involvedIn = [Link(incidents[random.int(below: incidents.count)])] }
            report.observables.append(observable)
            tokens[id] = ["obstok\(serial)"] + observable.hashes.map(\.value)
        }
        for index in 0..<4 {
            let serial = 6000 + index
            let id = "ind-\(serial)"
            let observable = report.observables[random.int(below: report.observables.count)]
            // Half the patterns also match an observable's value, which may be withheld where the indicator is not.
            let match = random.chance(0.5) ? " OR domain-name:value = '\(observable.value ?? observable.fileName ?? "")'" : ""
            var indicator = Indicator(
                id: id, name: "Indicator nametok\(serial)", description: "About desctok\(serial)",
                pattern: "[domain-name:value = 'pattok\(serial).example'\(match)]",
                validFrom: try PartialDate(parsing: "2023-01-10"), types: ["malicious-activity"],
                marking: try marking(parties: parties))
            indicator.basedOn = [Link(observable.id)]
            if !users.isEmpty { indicator.indicates = [Link(users[random.int(below: users.count)])] }
            indicator.evidence = ["evidtok\(serial)"]
            report.indicators.append(indicator)
            tokens[id] = ["pattok\(serial)", "nametok\(serial)", "desctok\(serial)", "evidtok\(serial)"]
        }
        for index in 0..<2 {
            let serial = 7000 + index
            var malware = Malware(id: "mal-\(serial)", name: "Maltok\(serial)", aliases: ["Malalias\(serial)"],
                                  description: "Does maldesc\(serial)", types: ["backdoor"], marking: try marking(parties: parties))
            var tool = Tool(id: "tool-\(serial)", name: "Tooltok\(serial)", description: "Runs tooldesc\(serial)",
                            marking: try marking(parties: parties))
            if !users.isEmpty {
                malware.usedBy = [Link(users[random.int(below: users.count)])]
                tool.usedBy = [Link(users[random.int(below: users.count)])]
            }
            report.malware.append(malware)
            report.tools.append(tool)
            tokens[malware.id] = ["Maltok\(serial)", "Malalias\(serial)", "maldesc\(serial)"]
            tokens[tool.id] = ["Tooltok\(serial)", "tooldesc\(serial)"]
        }
        return tokens
    }
}
