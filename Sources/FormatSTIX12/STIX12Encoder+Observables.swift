import ExportCore
import ExportXML

/// CybOX observables: `stix:Observables` holds each address, domain, URL, e-mail address and file once, under
/// the UUID STIX 2.1 gives it; indicators and incidents point at them by `idref`.
extension STIX12Encoder {
    /// The CybOX version the STIX 1.2 schemas import.
    static let cyboxVersion = (major: "2", minor: "1", update: "0")

    /// The id of the object inside an observable: `<prefix>:<STIX 2.1 type>-<uuid>`, the cyber-observable's own id.
    func objectQName(_ observable: Observable) -> String { qname(observable.kind.rawValue, observable.id) }

    /// The id of the CybOX `Observable` around it: the same UUID, type `observable` (two constructs cannot share
    /// an id). Two observables with one value have one id, as in STIX 2.1.
    func observableQName(_ observable: Observable) -> String {
        let object = objectQName(observable)
        let uuid = object.utf8.dropFirst(prefix.utf8.count + 1 + observable.kind.rawValue.utf8.count + 1)
        return prefix + ":observable-" + String(Substring(uuid))
    }

    /// `stix:Observables`, each distinct observable once (the first of several with one value).
    func observables() throws {
        for observable in report.observables {
            countLinkDetail(observable.involvedIn)
            countEvidence([], observable.involvedIn)
        }
        var written: Set<String> = []
        let distinct = report.observables.filter { written.insert(observableQName($0)).inserted }
        guard !distinct.isEmpty else { return }
        try xml.startElement("stix:Observables")
        try cyboxVersionAttributes()
        for observable in distinct {
            try xml.startElement("cybox:Observable")
            try xml.attribute("id", observableQName(observable))
            try xml.startElement("cybox:Object")
            try xml.attribute("id", objectQName(observable))
            try properties(observable)
            try xml.endElement()
            try xml.endElement()
        }
        try xml.endElement()
    }

    func cyboxVersionAttributes() throws {
        try xml.attribute("cybox_major_version", Self.cyboxVersion.major)
        try xml.attribute("cybox_minor_version", Self.cyboxVersion.minor)
        try xml.attribute("cybox_update_version", Self.cyboxVersion.update)
    }

    /// The CybOX object properties. Every value carries `condition="Equals"`: indicators point at these
    /// observables as their pattern, and a pattern's fields need a condition (sdv's best practices).
    private func properties(_ observable: Observable) throws {
        try xml.startElement("cybox:Properties")
        let value = observable.value ?? ""
        switch observable.kind {
        case .ipv4, .ipv6, .email:
            try xml.attribute("xsi:type", "AddressObj:AddressObjectType")
            try xml.attribute("category", Self.addressCategory(observable.kind, value))
            try equals("AddressObj:Address_Value", value)
        case .domain:
            try xml.attribute("xsi:type", "DomainNameObj:DomainNameObjectType")
            try xml.attribute("type", "FQDN")
            try equals("DomainNameObj:Value", value)
        case .url:
            try xml.attribute("xsi:type", "URIObj:URIObjectType")
            try xml.attribute("type", "URL")
            try equals("URIObj:Value", value)
        case .file:
            try xml.attribute("xsi:type", "FileObj:FileObjectType")
            if let name = observable.fileName { try equals("FileObj:File_Name", name) }
            if !observable.hashes.isEmpty {
                try xml.startElement("FileObj:Hashes")
                for hash in observable.hashes {
                    try xml.startElement("cyboxCommon:Hash")
                    try xml.startElement("cyboxCommon:Type")
                    try xml.attribute("xsi:type", STIX12Vocabularies.hashName)
                    try xml.attribute("condition", "Equals")
                    try xml.text(STIX12Vocabularies.hashName(hash.algorithm))
                    try xml.endElement()
                    try equals("cyboxCommon:Simple_Hash_Value", hash.value)
                    try xml.endElement()
                }
                try xml.endElement()
            }
        }
        try xml.endElement()
    }

    /// AddressObj's category: an address with a `/` suffix is a CIDR block (CybOX's `cidr`, for either family).
    static func addressCategory(_ kind: ObservableKind, _ value: String) -> String {
        switch kind {
        case .email: "e-mail"
        case _ where value.contains("/"): "cidr"
        case .ipv6: "ipv6-addr"
        default: "ipv4-addr"
        }
    }

    private func equals(_ name: String, _ value: String) throws {
        try xml.startElement(name)
        try xml.attribute("condition", "Equals")
        try xml.text(value)
        try xml.endElement()
    }

    /// `<name><stixCommon:Observable idref="…"/></name>` for each distinct observable an incident involves; two
    /// links to one value are one element carrying both links' labels.
    func relatedObservables(_ wrapper: String, _ name: String, _ involved: [(observable: Observable, label: Marking?)]) throws {
        guard !involved.isEmpty else { return }
        var positions: [String: Int] = [:]
        try xml.startElement(wrapper)
        for entry in involved {
            let id = observableQName(entry.observable)
            if positions[id] == nil {
                positions[id] = positions.count + 1
                try xml.startElement(name)
                try xml.element("stixCommon:Relationship", text: "Involved")
                try xml.startElement("stixCommon:Observable")
                try xml.attribute("idref", id)
                try xml.endElement()
                try xml.endElement()
            }
            labelLink(entry.label, at: "\(wrapper)/\(name)[\(positions[id] ?? 0)]")
        }
        try xml.endElement()
    }
}
