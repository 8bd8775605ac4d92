internal import CLibXML

/// One-time libxml2 set-up and the parse options every untrusted document gets.
package enum LibXML {
    /// `xmlInitParser` is not reentrant and `xmlSchemaInitTypes` takes no lock (2.9.x): do both exactly once.
    private static let initialisation: Void = clibxml_initialize()

    /// Initialises libxml2 once per process; every entry point of the XML layer calls it first.
    package static func initialize() { _ = initialisation }

    /// No network, line numbers past 65535; never entity substitution, DTD loading or validation, XInclude or
    /// `HUGE` (whose absence keeps libxml2's depth and text-length limits on).
    static let untrustedOptions: Int32 = Int32(
        bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue)

    /// Installs libxml2's no-network entity loader process-wide, so not even schema compilation
    /// (`xs:import` of an `http:` location) can reach the network.
    ///
    /// Only the `exportctl` executable calls this: a library must not replace the loader Foundation's
    /// `XMLParser` installs.
    package static func forbidNetworkAccess() {
        initialize()
        xmlSetExternalEntityLoader(xmlNoNetExternalEntityLoader)
    }
}
