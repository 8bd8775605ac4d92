/// STIX 2.1 timestamps: UTC, `Z`, exactly three fractional digits (the Best Practices Guide's form).
///
/// exportctl knows dates, not instants, so a date becomes midnight UTC at its first day, and an end date
/// the last millisecond of its last day.
package enum STIXTimestamp {
    /// `YYYY-MM-DDT00:00:00.000Z` for the first day a date covers.
    package static func start(_ date: PartialDate) -> String { day(date.start) + "T00:00:00.000Z" }

    /// `YYYY-MM-DDT23:59:59.999Z` for the last day a date covers.
    package static func end(_ date: PartialDate) -> String { day(date.end) + "T23:59:59.999Z" }

    /// The calendar day of a timestamp `YYYY-MM-DDT...`, as a day-precision date.
    package static func date(of timestamp: String) -> PartialDate? {
        guard timestamp.utf8.count >= 10 else { return nil }
        return try? PartialDate(parsing: String(timestamp.prefix(10)))
    }

    private static func day(_ date: PartialDate) -> String {
        // `start`/`end` always have a month and a day.
        date.description
    }
}
