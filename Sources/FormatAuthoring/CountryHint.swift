import ExportCore

/// The hint for a country code the authoring format refuses.
///
/// Codes matter for sharing: a hint that proposes the wrong country releases to the wrong partner once
/// accepted. So common non-ISO codes map to their country (`UK` is GBR, not UKR), groupings that are not
/// countries say so, and every proposal names the country in words.
enum CountryHint {
    /// Codes people write that ISO 3166-1 does not have (or gives to another country).
    private static let common: [String: String] = [
        "UK": "GBR", "EL": "GRC", "GER": "DEU", "DE": "DEU", "UAE": "ARE", "KSA": "SAU", "ROK": "KOR", "SK": "KOR",
        "DPRK": "PRK", "PRC": "CHN", "ROC": "TWN", "RSA": "ZAF", "SUI": "CHE", "NED": "NLD", "POR": "PRT",
        "DEN": "DNK", "CRO": "HRV", "BUL": "BGR", "GRE": "GRC", "INA": "IDN", "MAS": "MYS", "PHI": "PHL",
        "VIE": "VNM", "SIN": "SGP", "ENG": "GBR", "USA": "USA", "US": "USA",
    ]

    /// Groupings written like country codes, which a releasable-to list must spell out.
    private static let groupings: [String: String] = [
        "EU": "the European Union", "UN": "the United Nations", "NATO": "NATO", "FVEY": "Five Eyes", "ASEAN": "ASEAN",
    ]

    static func hint(for text: String) -> String {
        let upper = text.uppercased()
        if let grouping = groupings[upper] {
            return "\(grouping) is not a country: list its members' codes, or name a partnership of the report"
        }
        if let alpha3 = common[upper], let code = CountryCode(alpha3) { return "write '\(code.alpha3)' (\(code.name))" }
        if let code = CountryCode(text) { return "write '\(code.alpha3)' (\(code.name))" }
        // Edit distance on two or three letters proposes another country as readily as the right one; only
        // a longer input (a misspelt name) gets a guess, and it names the country.
        if text.count > 3, let nearest = CountryCode.allAlpha3.compactMap(CountryCode.init).first(where: {
            $0.name.lowercased() == text.lowercased()
        }) {
            return "write '\(nearest.alpha3)' (\(nearest.name))"
        }
        return "use an ISO 3166-1 alpha-2 or alpha-3 code such as JP or JPN (Japan)"
    }
}
