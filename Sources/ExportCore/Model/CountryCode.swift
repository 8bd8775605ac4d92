/// An ISO 3166-1 country, stored as its alpha-3 code.
///
/// Authors may write either the alpha-2 or the alpha-3 code; writers convert to what their format wants
/// (STIX 2.1 locations and MISP use alpha-2, ACS markings and `REL TO` statements alpha-3).
///
/// ```swift
/// let japan = CountryCode("JP")        // accepts alpha-2 …
/// japan?.alpha3                        // "JPN"
/// CountryCode("jpn")?.alpha2           // "JP"  … and alpha-3, in any case
/// ```
public struct CountryCode: Sendable {
    /// The alpha-3 code, upper case.
    public let alpha3: String

    /// Creates a code from an alpha-2 or alpha-3 code in any case; `nil` when ISO 3166-1 has no such country.
    public init?(_ code: String) {
        let upper = code.uppercased()
        if let alpha3 = Self.byAlpha3[upper] ?? Self.byAlpha2[upper] {
            self.alpha3 = alpha3
        } else {
            return nil
        }
    }

    /// The alpha-2 code, upper case.
    public var alpha2: String { Self.table[Self.index[alpha3] ?? 0].alpha2 }

    /// The short English name ISO 3166-1 gives.
    public var name: String { Self.table[Self.index[alpha3] ?? 0].name }

    /// Every alpha-3 code, for suggestions in diagnostics.
    package static var allAlpha3: [String] { table.map(\.alpha3) }

    private static let index: [String: Int] = Dictionary(
        uniqueKeysWithValues: table.enumerated().map { ($0.element.alpha3, $0.offset) })
    private static let byAlpha3: [String: String] = Dictionary(
        uniqueKeysWithValues: table.map { ($0.alpha3, $0.alpha3) })
    private static let byAlpha2: [String: String] = Dictionary(
        uniqueKeysWithValues: table.map { ($0.alpha2, $0.alpha3) })
}

extension CountryCode: Hashable {}

extension CountryCode: Comparable {
    public static func < (lhs: CountryCode, rhs: CountryCode) -> Bool { lhs.alpha3 < rhs.alpha3 }
}

extension CountryCode: CustomStringConvertible {
    public var description: String { alpha3 }
}
