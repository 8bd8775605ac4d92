/// The authoring document written object by object, for reports too large to hold twice in memory.
extension ThreatReport {
    /// Writes the report as compact authoring JSON, byte for byte what
    /// `CanonicalJSON.bytes(authoringJSON(), indent: nil)` gives, without building the whole document.
    ///
    /// Each object is converted and serialised on its own and the bytes leave in chunks of about a
    /// megabyte, so a million-object corpus needs memory for the model only.
    ///
    /// ```swift
    /// var sink = MemorySink()
    /// try report.writeAuthoringJSON(to: &sink)
    /// ```
    /// - Throws: ``ExportError`` `.io` when the sink refuses bytes.
    public func writeAuthoringJSON(to sink: inout some ByteSink) throws {
        var header = self
        (header.actors, header.intrusionSets, header.campaigns, header.partnerships, header.incidents) = ([], [], [], [], [])
        (header.indicators, header.observables, header.malware, header.tools) = ([], [], [], [])
        var members: [String: (inout [UInt8]) -> Void] = [:]
        for (key, value) in header.authoringJSON().objectValue ?? [:] {
            members[key] = { CanonicalJSON.write(value, indent: nil, into: &$0) }
        }
        // The lists stay lazy: only one object's JSON exists at a time.
        let lists: [(String, Int, (Int) -> JSONValue)] = [
            ("actors", actors.count, { self.actors[$0].authoringJSON }),
            ("intrusion_sets", intrusionSets.count, { self.intrusionSets[$0].authoringJSON }),
            ("campaigns", campaigns.count, { self.campaigns[$0].authoringJSON }),
            ("partnerships", partnerships.count, { self.partnerships[$0].authoringJSON }),
            ("incidents", incidents.count, { self.incidents[$0].authoringJSON }),
            ("indicators", indicators.count, { self.indicators[$0].authoringJSON }),
            ("observables", observables.count, { self.observables[$0].authoringJSON }),
            ("malware", malware.count, { self.malware[$0].authoringJSON }),
            ("tools", tools.count, { self.tools[$0].authoringJSON }),
        ]
        var out: [UInt8] = []
        out.reserveCapacity(1 << 20)
        let listKeys = lists.filter { $0.1 > 0 }.map(\.0)
        let keys = (Array(members.keys) + listKeys).sorted {
            $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars)
        }
        out.append(UInt8(ascii: "{"))
        for (position, key) in keys.enumerated() {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            CanonicalJSON.writeString(key, into: &out)
            out.append(UInt8(ascii: ":"))
            if let write = members[key] {
                write(&out)
                continue
            }
            guard let list = lists.first(where: { $0.0 == key }) else { continue }
            out.append(UInt8(ascii: "["))
            for index in 0..<list.1 {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                CanonicalJSON.write(list.2(index), indent: nil, into: &out)
                if out.count >= 1 << 20 {
                    try sink.write(out)
                    out.removeAll(keepingCapacity: true)
                }
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(contentsOf: [UInt8(ascii: "}"), UInt8(ascii: "\n")])
        try sink.write(out)
    }
}
