import Foundation

/// The clock, kept apart from the calendar arithmetic: only what the server itself adds (a submission's
/// `date_added`, a status's `request_timestamp`, a collection's first start) is stamped with it.
extension TAXIITimestamp {
    /// The current time, to the microsecond.
    static var now: TAXIITimestamp {
        TAXIITimestamp(microseconds: Int64((Date().timeIntervalSince1970 * 1_000_000).rounded()))
    }
}
