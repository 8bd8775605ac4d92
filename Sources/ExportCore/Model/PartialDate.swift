/// A calendar date known to a year, a month or a day: `2022`, `2023-04`, `2023-04-13`.
///
/// Dates keep the precision the author knew; `start` and `end` give the first and last day it covers.
///
/// ```swift
/// let date = try PartialDate(parsing: "2023-04")
/// date.start     // 2023-04-01
/// date.end       // 2023-04-30
/// try PartialDate(parsing: "2023-02-30")   // throws: February 2023 has 28 days
/// ```
public struct PartialDate: Sendable {
    /// The year, 1 to 9999.
    public let year: Int
    /// The month, 1 to 12, when known.
    public let month: Int?
    /// The day of the month, when known (only with a month).
    public let day: Int?

    /// Creates a date, checking that the day exists in that month.
    public init(year: Int, month: Int? = nil, day: Int? = nil) throws(PartialDateError) {
        guard (1...9999).contains(year) else { throw .outOfRange("year \(year) is not between 1 and 9999") }
        if let month, !(1...12).contains(month) { throw .outOfRange("month \(month) is not between 1 and 12") }
        if let day {
            guard let month else { throw .malformed("a day needs a month") }
            let last = Self.daysIn(month: month, year: year)
            guard (1...last).contains(day) else {
                throw .outOfRange("\(Self.monthNames[month - 1]) \(year) has \(last) days, not \(day)")
            }
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` strictly: four-digit years, two-digit months and days.
    public init(parsing text: String) throws(PartialDateError) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let widths = [4, 2, 2]
        guard (1...3).contains(parts.count) else { throw .malformed("expected YYYY, YYYY-MM or YYYY-MM-DD") }
        var numbers: [Int] = []
        for (part, width) in zip(parts, widths) {
            guard part.utf8.count == width, part.utf8.allSatisfy({ (48...57).contains($0) }), let value = Int(part)
            else { throw .malformed("expected YYYY, YYYY-MM or YYYY-MM-DD") }
            numbers.append(value)
        }
        try self.init(
            year: numbers[0], month: numbers.count > 1 ? numbers[1] : nil, day: numbers.count > 2 ? numbers[2] : nil)
    }

    /// How precisely the date is known.
    public var precision: Precision { day != nil ? .day : (month != nil ? .month : .year) }

    /// The first day the date covers.
    public var start: PartialDate { Self.unchecked(year, month ?? 1, day ?? 1) }

    /// The last day the date covers.
    public var end: PartialDate {
        let lastMonth = month ?? 12
        return Self.unchecked(year, lastMonth, day ?? Self.daysIn(month: lastMonth, year: year))
    }

    /// How precisely a date is known.
    public enum Precision: String, Sendable, Hashable { case year, month, day }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    package init(uncheckedYear year: Int, month: Int?, day: Int?) {
        self.year = year
        self.month = month
        self.day = day
    }

    private static func unchecked(_ year: Int, _ month: Int, _ day: Int) -> PartialDate {
        PartialDate(uncheckedYear: year, month: month, day: day)
    }
}

extension PartialDate: Hashable {}

extension PartialDate: Comparable {
    /// Orders by start day, then by precision (a year sorts before its first month).
    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        let l = (lhs.year, lhs.month ?? 0, lhs.day ?? 0)
        let r = (rhs.year, rhs.month ?? 0, rhs.day ?? 0)
        return l < r
    }
}

extension PartialDate: CustomStringConvertible {
    /// The date as written: `2023`, `2023-04` or `2023-04-13`.
    public var description: String {
        var text = String(year).leftPadded(to: 4)
        if let month { text += "-" + String(month).leftPadded(to: 2) }
        if let day { text += "-" + String(day).leftPadded(to: 2) }
        return text
    }
}

/// Why a date did not parse.
public enum PartialDateError: Error, Hashable, Sendable, CustomStringConvertible {
    case malformed(String)
    case outOfRange(String)

    public var description: String {
        switch self {
        case .malformed(let reason), .outOfRange(let reason): reason
        }
    }
}

extension String {
    package func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
