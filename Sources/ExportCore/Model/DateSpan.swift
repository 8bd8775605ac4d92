/// When something happened: one partial date, or an interval `A/B` of two.
///
/// ```swift
/// let lateLastYear = try DateSpan(parsing: "2022-10/2022-12")
/// lateLastYear.start.description   // "2022-10-01"
/// lateLastYear.end.description     // "2022-12-31"
/// ```
public struct DateSpan: Sendable {
    /// The date, or the interval's first date.
    public var from: PartialDate
    /// The interval's last date; `nil` for a single date.
    public var to: PartialDate?

    /// Creates a span; an interval must not end before it starts.
    public init(from: PartialDate, to: PartialDate? = nil) throws(PartialDateError) {
        if let to, to.end < from.start { throw .outOfRange("the interval ends (\(to)) before it starts (\(from))") }
        self.from = from
        self.to = to
    }

    /// Parses `YYYY[-MM[-DD]]` or two of them joined by `/`.
    public init(parsing text: String) throws(PartialDateError) {
        let halves = text.split(separator: "/", omittingEmptySubsequences: false)
        guard halves.count <= 2 else { throw .malformed("expected a date or an interval A/B") }
        let from = try PartialDate(parsing: String(halves[0]))
        let to = halves.count == 2 ? try PartialDate(parsing: String(halves[1])) : nil
        try self.init(from: from, to: to)
    }

    /// The first day covered.
    public var start: PartialDate { from.start }
    /// The last day covered.
    public var end: PartialDate { (to ?? from).end }
}

extension DateSpan: Hashable {}

extension DateSpan: CustomStringConvertible {
    public var description: String { to.map { "\(from)/\($0)" } ?? from.description }
}
