/// STIX 2.1 `region-ov`.
public struct Region: OpenVocabulary {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public static let africa: Self = "africa"
    public static let easternAfrica: Self = "eastern-africa"
    public static let middleAfrica: Self = "middle-africa"
    public static let northernAfrica: Self = "northern-africa"
    public static let southernAfrica: Self = "southern-africa"
    public static let westernAfrica: Self = "western-africa"
    public static let americas: Self = "americas"
    public static let caribbean: Self = "caribbean"
    public static let centralAmerica: Self = "central-america"
    public static let latinAmericaCaribbean: Self = "latin-america-caribbean"
    public static let northernAmerica: Self = "northern-america"
    public static let southAmerica: Self = "south-america"
    public static let asia: Self = "asia"
    public static let centralAsia: Self = "central-asia"
    public static let easternAsia: Self = "eastern-asia"
    public static let southernAsia: Self = "southern-asia"
    public static let southEasternAsia: Self = "south-eastern-asia"
    public static let westernAsia: Self = "western-asia"
    public static let europe: Self = "europe"
    public static let easternEurope: Self = "eastern-europe"
    public static let northernEurope: Self = "northern-europe"
    public static let southernEurope: Self = "southern-europe"
    public static let westernEurope: Self = "western-europe"
    public static let oceania: Self = "oceania"
    public static let antarctica: Self = "antarctica"
    public static let australiaNewZealand: Self = "australia-new-zealand"
    public static let melanesia: Self = "melanesia"
    public static let micronesia: Self = "micronesia"
    public static let polynesia: Self = "polynesia"

    public static let known: [Self] = [
        .africa,
        .easternAfrica,
        .middleAfrica,
        .northernAfrica,
        .southernAfrica,
        .westernAfrica,
        .americas,
        .caribbean,
        .centralAmerica,
        .latinAmericaCaribbean,
        .northernAmerica,
        .southAmerica,
        .asia,
        .centralAsia,
        .easternAsia,
        .southernAsia,
        .southEasternAsia,
        .westernAsia,
        .europe,
        .easternEurope,
        .northernEurope,
        .southernEurope,
        .westernEurope,
        .oceania,
        .antarctica,
        .australiaNewZealand,
        .melanesia,
        .micronesia,
        .polynesia,
    ]
}
