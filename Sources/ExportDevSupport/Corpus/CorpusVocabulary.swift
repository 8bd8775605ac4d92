import Export

/// The word pools the corpus generator draws names and text from: plausible, ASCII and non-ASCII, and
/// shared between objects (a pooled string is stored once however many objects use it).
enum CorpusVocabulary {
    /// Countries that appear as states, in actors' countries and in releasability lists (alpha-3).
    static let countries = [
        "USA", "GBR", "CAN", "AUS", "NZL", "JPN", "IND", "KOR", "PHL", "VNM", "FRA", "DEU", "ITA", "ESP", "NLD",
        "POL", "SGP", "IDN", "MYS", "THA", "CHN", "RUS", "PRK", "IRN", "BRA", "ZAF", "EST", "UKR", "TWN", "NOR",
    ]
    /// Countries that host hostile activity in the corpus (threat actors' countries).
    static let hostile = ["CHN", "RUS", "PRK", "IRN"]

    static let agencyNames = [
        "Ministry of Defence", "Ministry of Foreign Affairs", "National Cyber Security Centre", "Signals Directorate",
        "Coast Guard", "Department of Justice", "Foreign Intelligence Service", "Navy", "Air Force",
        "Computer Emergency Response Team", "Ministry of the Interior", "Space Agency",
    ]
    static let organizationNames = [
        "Institute for Strategic Studies", "Maritime Logistics Group", "Satellite Imaging Ltd", "Telecom Holdings",
        "Energy Grid Operator", "University Research Centre", "Shipbuilding Corporation", "Policy Forum",
        "Semiconductor Works", "Port Authority", "Défense Systèmes SA", "北方研究所",
    ]
    static let givenNames = ["Aiko", "Rahul", "Maria", "Chen", "Olga", "James", "Nguyen", "Ana", "Kwame", "Sofia", "Jürgen"]
    static let familyNames = ["Tanaka", "Sharma", "Santos", "Wei", "Petrova", "Walker", "Van", "Kowalska", "Mensah", "Müller"]
    static let roles = ["defence minister", "intelligence liaison", "analyst", "spokesperson", "director", "engineer"]
    static let threatNames = ["Panda", "Bear", "Kitten", "Chollima", "Typhoon", "Blizzard", "Sandstorm", "Sleet"]
    static let threatAdjectives = ["Silent", "Jade", "Iron", "Crimson", "Hidden", "Frozen", "Golden", "Night", "Storm"]
    static let operations = ["Harbour", "Lantern", "Glacier", "Monsoon", "Falcon", "Meridian", "Tide", "Atlas", "Ember"]
    static let places = [
        "Yangtse, Arunachal Pradesh", "Second Thomas Shoal", "Senkaku Islands", "Strait of Hormuz", "Baltic Sea",
        "Port of Rotterdam", "Natuna Islands", "Svalbard", "Gulf of Aden",
    ]
    static let sentences = [
        "Reporting from partner services indicates sustained activity against government networks.",
        "The group reuses infrastructure across operations and favours spear-phishing with lure documents.",
        "Attribution rests on overlapping tooling, working hours and a shared code-signing certificate.",
        "Maritime patrols observed vessels operating without AIS transponders near the exclusion zone.",
        "The agency coordinates the national response and shares indicators with allied CERTs.",
        "Open reporting links the actor to espionage against defence research and satellite operators.",
        "Le service a partagé des renseignements avec ses partenaires européens.",
        "関係機関は情報共有の枠組みを強化した。",
        "Credentials harvested in the first stage were used to reach the operational technology network.",
        "The incident was contained within two weeks; no data loss was confirmed.",
    ]
    static let goals = ["steal defence technology", "monitor dissidents", "pre-position in infrastructure", "raise revenue"]
    static let impacts = ["data exfiltrated", "service disruption", "vessel detained", "diplomatic protest"]
    static let outcomes = ["repelled", "contained", "ongoing", "attributed publicly"]
}
