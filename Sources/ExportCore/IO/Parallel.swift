#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Runs independent pieces of work on every core and returns their outcomes in the order of the input, so that
/// output files, diagnostics and exit codes stay the same whichever piece finishes first.
///
/// ```swift
/// let outcomes = await Parallel.map(recipients) { try policy.view(report, for: $0) }
/// for outcome in outcomes { let (view, warnings) = try outcome.get() }   // in recipient order
/// ```
public enum Parallel {
    /// How many pieces run at once: the cores online.
    public static var width: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// `transform` of each item, at most ``width`` at a time, each outcome at its item's position. Task-local
    /// values (the progress meter) reach every piece.
    public static func map<Item: Sendable, Value: Sendable>(
        _ items: [Item], _ transform: @escaping @Sendable (Item) throws -> Value
    ) async -> [Result<Value, any Error>] {
        await withTaskGroup(of: (Int, Result<Value, any Error>).self) { group in
            var outcomes = [Result<Value, any Error>?](repeating: nil, count: items.count)
            var next = 0
            func enqueue() {
                guard next < items.count else { return }
                let index = next
                let item = items[index]
                group.addTask { (index, Result { try transform(item) }) }
                next += 1
            }
            for _ in 0..<width { enqueue() }
            for await (index, outcome) in group {
                outcomes[index] = outcome
                enqueue()
            }
            return outcomes.compactMap { $0 }
        }
    }
}
