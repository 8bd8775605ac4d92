/// Where something happened: a country, a region, a named area, optionally with coordinates.
public struct Location: Sendable {
    /// A name for the place, e.g. "Yangtse, Arunachal Pradesh".
    public var name: String?
    /// The country the place lies in.
    public var country: CountryCode?
    /// The STIX region the place lies in.
    public var region: Region?
    /// WGS 84 latitude in degrees, -90 to 90.
    public var latitude: Double?
    /// WGS 84 longitude in degrees, -180 to 180.
    public var longitude: Double?

    /// Creates a location.
    public init(
        name: String? = nil, country: CountryCode? = nil, region: Region? = nil,
        latitude: Double? = nil, longitude: Double? = nil
    ) {
        self.name = name
        self.country = country
        self.region = region
        self.latitude = latitude
        self.longitude = longitude
    }
}

extension Location: Hashable {
    /// Whether the location can be placed on a map: a country, a region or both coordinates (not one alone).
    /// Only such a location becomes a STIX `location` object; the others travel in the incident's extension.
    public var isPlace: Bool {
        let coordinates = (latitude == nil) == (longitude == nil)
        return coordinates && (country != nil || region != nil || latitude != nil)
    }
}
