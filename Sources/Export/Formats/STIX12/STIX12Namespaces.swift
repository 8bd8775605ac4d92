/// The STIX 1.2 namespaces a package uses, with their conventional prefixes, in declaration order.
enum STIX12Namespaces {
    static let stix = "http://stix.mitre.org/stix-1"
    static let all: [(prefix: String, uri: String)] = [
        ("stix", stix),
        ("stixCommon", "http://stix.mitre.org/common-1"),
        ("stixVocabs", "http://stix.mitre.org/default_vocabularies-1"),
        ("ta", "http://stix.mitre.org/ThreatActor-1"),
        ("incident", "http://stix.mitre.org/Incident-1"),
        ("campaign", "http://stix.mitre.org/Campaign-1"),
        ("report", "http://stix.mitre.org/Report-1"),
        ("marking", "http://data-marking.mitre.org/Marking-1"),
        ("tlpMarking", "http://data-marking.mitre.org/extensions/MarkingStructure#TLP-1"),
        ("simpleMarking", "http://data-marking.mitre.org/extensions/MarkingStructure#Simple-1"),
        ("xsi", "http://www.w3.org/2001/XMLSchema-instance"),
    ]

    /// The producer's own id namespace: its id when that is already a URI, else a URN around it.
    static func producerNamespace(_ producer: Producer) -> String {
        producer.id.contains(":") ? producer.id : "urn:exportctl:producer:\(producer.id)"
    }

    /// The prefix for the producer's ids: its id reduced to letters, digits and hyphens (an NCName).
    static func producerPrefix(_ producer: Producer) -> String {
        var prefix = ""
        for scalar in producer.id.unicodeScalars {
            let isWordCharacter = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
            prefix.unicodeScalars.append(isWordCharacter ? scalar : "-")
        }
        guard let first = prefix.unicodeScalars.first, first.properties.isAlphabetic else { return "p-" + prefix }
        return prefix
    }
}
