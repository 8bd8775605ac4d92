import ExportCore

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

    /// What indicators, CybOX observables and TTPs add; declared only when the package has any, so that a report
    /// without them is written byte for byte as before they were mapped.
    static let detection: [(prefix: String, uri: String)] = [
        ("indicator", "http://stix.mitre.org/Indicator-2"),
        ("ttp", "http://stix.mitre.org/TTP-1"),
        ("genericTM", "http://stix.mitre.org/extensions/TestMechanism#Generic-1"),
        ("cybox", "http://cybox.mitre.org/cybox-2"),
        ("cyboxCommon", "http://cybox.mitre.org/common-2"),
        ("cyboxVocabs", "http://cybox.mitre.org/default_vocabularies-2"),
        ("AddressObj", "http://cybox.mitre.org/objects#AddressObject-2"),
        ("DomainNameObj", "http://cybox.mitre.org/objects#DomainNameObject-1"),
        ("URIObj", "http://cybox.mitre.org/objects#URIObject-2"),
        ("FileObj", "http://cybox.mitre.org/objects#FileObject-2"),
    ]

    /// The prefix for the producer's ids. Ours, never derived from the producer id: an id such as `stix`, `xsi`,
    /// `xml` or `xmlns` would redeclare a prefix above or one XML reserves, and the package would not be XML.
    static let producerPrefix = "producer"

    /// The namespace URIs only `xml` and `xmlns` may be bound to (Namespaces in XML 1.0, section 3).
    private static let reservedURIs: Set<String> = ["http://www.w3.org/XML/1998/namespace", "http://www.w3.org/2000/xmlns/"]

    /// The producer's own id namespace: its id when that is already a URI (and not one XML reserves), else a
    /// URN around it.
    static func producerNamespace(_ producer: Producer) -> String {
        producer.id.contains(":") && !reservedURIs.contains(producer.id) ? producer.id : "urn:exportctl:producer:\(producer.id)"
    }

    /// Whether an ASCII byte may stand in an NCName after its first character (letters, digits, `-`, `.`, `_`).
    static func isNCNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"): true
        default: false
        }
    }

    /// `text` reduced to characters an NCName may hold after its first (letters, digits, `-`, `.`, `_`): the local
    /// part of an imported object's QName is its STIX 2.1 type, which the input chose.
    static func ncNameCharacters(_ text: Substring) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || "0123456789-._".unicodeScalars.contains(scalar)) ? scalar : "-"
        }))
    }
}
