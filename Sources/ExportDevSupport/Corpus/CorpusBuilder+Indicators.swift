import Export

/// The IOC-heavy part of a corpus (issue 22): indicators, each based on its own observable, and a few malware
/// families the indicators point at.
///
/// Values are unique by construction and stay in ranges that name no one: IPv4 in 198.18.0.0/15 (RFC 2544,
/// benchmarking) then 10.0.0.0/8, IPv6 in 2001:db8::/32, names under `.example`. An observable carries its
/// indicator's marking, so an indicator is never withheld only because its pattern names a narrower observable.
extension CorpusBuilder {
    mutating func addIndicators(_ count: Int) {
        guard count > 0 else { return }
        let families = (1...max(1, count / 1000)).map { index -> String in
            let id = "malware-\(index)"
            var malware = Malware(
                id: id, name: "Synthetic family \(index)", types: [random.pick(MalwareType.known)],
                sources: citations(), marking: objectMarking())
            malware.usedBy = threatActors.isEmpty ? [] : [Link(random.pick(threatActors))]
            report.malware.append(malware)
            return id
        }
        let pointedAt = threatActors + activities + families
        for index in 0..<count {
            let observable = observable(index)
            let marking = objectMarking()
            var indicator = Indicator(
                id: "ioc-\(index + 1)", name: "Synthetic indicator \(index + 1)",
                pattern: Self.pattern(for: observable),
                validFrom: date(from: 2015, to: 2025), types: [random.pick(IndicatorType.known)],
                confidence: confidence(), sources: citations(), marking: marking)
            indicator.indicates = [Link(random.pick(pointedAt))]
            indicator.basedOn = [Link(observable.id)]
            var marked = observable
            marked.marking = marking
            report.observables.append(marked)
            report.indicators.append(indicator)
        }
    }

    /// The `index`th observable: a mix like a real feed's (addresses, names, URLs, hashes).
    private mutating func observable(_ index: Int) -> Observable {
        let id = "obs-\(index + 1)"
        switch random.weighted([30, 8, 20, 15, 5, 22]) {
        case 0:
            let address = index < 131_072 ? (198 << 24) | (18 << 16) + index : (10 << 24) + index
            let octets = [24, 16, 8, 0].map { String((address >> $0) & 0xFF) }
            return Observable(id: id, kind: .ipv4, value: octets.joined(separator: "."))
        case 1:
            return Observable(
                id: id, kind: .ipv6,
                value: "2001:db8:\(String(index >> 16, radix: 16)):\(String(index & 0xFFFF, radix: 16))::/64")
        case 2: return Observable(id: id, kind: .domain, value: "host-\(index + 1).corpus.example")
        case 3:
            return Observable(
                id: id, kind: .url, value: "https://host-\(index + 1).corpus.example/p/\(random.int(below: 10_000))")
        case 4: return Observable(id: id, kind: .email, value: "sender-\(index + 1)@mail.corpus.example")
        default:
            var hashes = [FileHash(.sha256, hex(64))]
            if random.chance(50) { hashes.insert(FileHash(.md5, hex(32)), at: 0) }
            return Observable(
                id: id, kind: .file, hashes: hashes, fileName: random.chance(30) ? "sample-\(index + 1).bin" : nil)
        }
    }

    private mutating func hex(_ digits: Int) -> String {
        var text = ""
        while text.count < digits {
            let word = String(random.next(), radix: 16)
            text += String(repeating: "0", count: 16 - word.count) + word
        }
        return String(text.prefix(digits))
    }

    /// The STIX pattern that matches `observable` exactly.
    static func pattern(for observable: Observable) -> String {
        guard observable.kind == .file else {
            return "[\(observable.kind.rawValue):value = '\(observable.value ?? "")']"
        }
        let terms = observable.hashes.map { "file:hashes.'\($0.algorithm.rawValue)' = '\($0.value)'" }
        return "[" + terms.joined(separator: " OR ") + "]"
    }
}
