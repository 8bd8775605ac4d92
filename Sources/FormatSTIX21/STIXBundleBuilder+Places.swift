import ExportCore

/// An incident's place as a STIX `location` that consumers type as meant.
extension STIXBundleBuilder {
    /// Writes a place with a readable `name` and one of coordinates, `country` or `region` (OpenCTI types a
    /// location by the first of city, country, region it finds, and MISP makes a geolocation object of one
    /// with coordinates). What is left out rides in our extension (`country`, `region`) for the round trip.
    ///
    /// - Returns: the type OpenCTI gives the location.
    static func writePlace(_ place: Location, to object: inout JSONObjectBuilder, ext: inout JSONObjectBuilder)
        -> STIXRelationshipTyping.ConsumerType
    {
        if let name = place.name, !name.isEmpty {
            object["name"] = .string(name)
        } else {
            object["name"] = .string(defaultName(of: place))
            // An empty name is the author's, not a missing one: kept for the round trip.
            ext.text("name", place.name)
        }
        if let latitude = place.latitude, let longitude = place.longitude {
            object["latitude"] = .double(latitude)
            object["longitude"] = .double(longitude)
            ext.text("country", place.country?.alpha2)
            ext.text("region", place.region)
            return .position
        }
        if let country = place.country {
            object["country"] = .string(country.alpha2)
            ext.text("region", place.region)
            return .country
        }
        object.text("region", place.region)
        return .region
    }

    /// The name a place without one gets: its country's, its region's in words, or its coordinates.
    static func defaultName(of place: Location) -> String {
        if let country = place.country { return country.name }
        if let region = place.region { return regionName(region) }
        return [place.latitude, place.longitude].compactMap { $0.map { String($0) } }.joined(separator: ", ")
    }

    /// `south-eastern-asia` → `South Eastern Asia`: the region-ov value in words.
    static func regionName(_ region: Region) -> String {
        region.rawValue.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }
}
