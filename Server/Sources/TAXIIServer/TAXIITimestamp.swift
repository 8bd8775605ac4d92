public import Export

/// A TAXII timestamp: microseconds since 1970-01-01T00:00:00Z, written `YYYY-MM-DDTHH:MM:SS.ssssssZ`.
///
/// Computed with integer calendar arithmetic (proleptic Gregorian, UTC), so that no clock, locale or time zone
/// reaches what the server sends.
///
/// ```swift
/// let added = try TAXIITimestamp(parsing: "2023-11-15T00:00:00.001Z")
/// added.description   // "2023-11-15T00:00:00.001000Z"
/// ```
public struct TAXIITimestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Microseconds since the Unix epoch.
    public let microseconds: Int64

    /// A timestamp from microseconds since the epoch.
    public init(microseconds: Int64) { self.microseconds = microseconds }

    /// Midnight UTC at the start of a report's date (the first of the month or year when the day is unknown).
    public init(startOf date: PartialDate) {
        let days = Self.days(year: date.year, month: date.month ?? 1, day: date.day ?? 1)
        microseconds = days * 86_400_000_000
    }

    public static func < (a: Self, b: Self) -> Bool { a.microseconds < b.microseconds }

    /// `YYYY-MM-DDTHH:MM:SS.ssssssZ`.
    public var description: String {
        let perDay: Int64 = 86_400_000_000
        let days = microseconds >= 0 ? microseconds / perDay : (microseconds - perDay + 1) / perDay
        let inDay = microseconds - days * perDay
        let (year, month, day) = Self.civil(days: days)
        let seconds = inDay / 1_000_000
        func pad(_ value: Int64, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T" + pad(seconds / 3600, 2) + ":"
            + pad(seconds / 60 % 60, 2) + ":" + pad(seconds % 60, 2) + "." + pad(inDay % 1_000_000, 6) + "Z"
    }

    /// Parses an RFC 3339 timestamp in UTC (`Z`), with 0 to 6 fractional digits; a date alone, an offset, a
    /// missing `Z` or an impossible date is malformed.
    /// - Throws: ``TAXIIError`` 400 naming the parameter.
    public init(parsing text: String, parameter: String = "added_after") throws(TAXIIError) {
        let bytes = Array(text.utf8)
        let malformed = TAXIIError.badRequest(
            "\(parameter) must be an RFC 3339 timestamp in UTC such as 2023-11-15T00:00:00.000000Z")
        func number(_ range: Range<Int>) throws(TAXIIError) -> Int64 {
            guard range.upperBound <= bytes.count else { throw malformed }
            var value: Int64 = 0
            for byte in bytes[range] {
                guard (48...57).contains(byte) else { throw malformed }
                value = value * 10 + Int64(byte - 48)
            }
            return value
        }
        guard bytes.count >= 20, bytes.count <= 27, bytes[4] == 45, bytes[7] == 45, bytes[10] == 84 || bytes[10] == 116,
            bytes[13] == 58, bytes[16] == 58, bytes.last == 90 || bytes.last == 122
        else { throw malformed }
        let year = try number(0..<4), month = try number(5..<7), day = try number(8..<10)
        let hour = try number(11..<13), minute = try number(14..<16), second = try number(17..<19)
        var fraction: Int64 = 0
        if bytes.count > 20 {
            guard bytes[19] == 46, bytes.count >= 22 else { throw malformed }
            let digits = bytes.count - 21
            fraction = try number(20..<(20 + digits))
            for _ in digits..<6 { fraction *= 10 }
        } else if bytes[19] != 90 && bytes[19] != 122 {
            throw malformed
        }
        guard year >= 1, (1...12).contains(month), day >= 1,
            day <= Self.daysIn(month: Int(month), year: Int(year)), hour < 24, minute < 60, second < 60
        else { throw malformed }
        let days = Self.days(year: Int(year), month: Int(month), day: Int(day))
        microseconds = (days * 86_400 + hour * 3600 + minute * 60 + second) * 1_000_000 + fraction
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to a civil date (Howard Hinnant's `days_from_civil`).
    private static func days(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date of a day count from 1970-01-01 (`civil_from_days`).
    private static func civil(days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
