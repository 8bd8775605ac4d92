import Dispatch
import Synchronization

/// Runs independent pieces of work on every core and returns their outcomes in the order of the input, so that
/// output files, diagnostics and exit codes stay the same whichever piece finishes first.
///
/// Synchronous on purpose: a single piece runs inline on the caller's thread, so a one-recipient export starts no
/// thread at all (valgrind, which the benchmarks count instructions with, cannot follow Swift's concurrency
/// runtime), and the CLI needs no async command for it.
///
/// ```swift
/// let outcomes = Parallel.map(recipients) { try policy.view(report, for: $0) }
/// for outcome in outcomes { let (view, warnings) = try outcome.get() }   // in recipient order
/// ```
public enum Parallel {
    /// `transform` of each item, one piece per core at a time, each outcome at its item's position. The caller's
    /// progress meter (``ProgressMeter/current``) reaches every piece.
    public static func map<Item: Sendable, Value: Sendable>(
        _ items: [Item], _ transform: @Sendable (Item) throws -> Value
    ) -> [Result<Value, any Error>] {
        guard items.count > 1 else { return items.map { item in Result { try transform(item) } } }
        let meter = ProgressMeter.current
        let outcomes = Mutex([Result<Value, any Error>?](repeating: nil, count: items.count))
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            // Task-local values do not follow work onto Dispatch's threads: the meter is bound again there.
            let outcome = ProgressMeter.$current.withValue(meter) { Result { try transform(items[index]) } }
            outcomes.withLock { $0[index] = outcome }
        }
        return outcomes.withLock { $0.compactMap { $0 } }
    }
}
