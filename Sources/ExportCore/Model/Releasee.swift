/// One entry of a marking's releasable-to list: a country, or a party named by its local id.
///
/// A party is usually a partnership (`five-eyes`), which stands for its members at the report's date;
/// it may also be a single actor.
public enum Releasee: Sendable {
    case country(CountryCode)
    case party(String)

    /// The text an author writes: the alpha-3 code or the local id.
    public var text: String {
        switch self {
        case .country(let code): code.alpha3
        case .party(let id): id
        }
    }
}

extension Releasee: Hashable {}
