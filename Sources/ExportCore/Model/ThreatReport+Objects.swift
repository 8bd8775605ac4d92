extension ThreatReport {
    /// How many top-level objects (actors, activities, partnerships, incidents) the report holds.
    public var objectCount: Int {
        actors.count + intrusionSets.count + campaigns.count + partnerships.count + incidents.count
    }
}
