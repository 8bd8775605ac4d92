import Synchronization

/// Counts the work a long run has done and hands a one-line summary (done, rate, time left) to a display at
/// most a few times a second.
///
/// Library code reports through the task-local ``current`` meter, which is `nil` unless a caller installed
/// one, so a library user pays one task-local read per report and sees nothing. The CLI installs a meter only
/// when standard error is a terminal, so pipelines get clean logs.
///
/// ```swift
/// let meter = ProgressMeter { line in print(line) }
/// try ProgressMeter.$current.withValue(meter) {
///     try STIX21Writer().write(view, options: .default, to: &sink)
/// }
/// meter.finish()
/// ```
public final class ProgressMeter: Sendable {
    /// The meter long-running library code reports to; `nil` (the default) reports nowhere.
    @TaskLocal public static var current: ProgressMeter?

    /// What is counted.
    public enum Unit: Sendable { case objects, bytes }

    private struct State {
        var task = ""
        var unit = Unit.objects
        var done = 0
        var total = 0
        var started = ContinuousClock.now
        var lastDrawn: ContinuousClock.Instant?
        var pending = 0
        /// Set by ``ProgressMeter/pin(_:unit:)``: several writers share one task, each adding its total.
        var isPinned = false
    }

    private let state = Mutex(State())
    private let delay: Duration
    private let interval: Duration
    private let display: @Sendable (String) -> Void

    /// Creates a meter that calls `display` with a summary line, first after `delay`, then at most every
    /// `interval`; ``finish()`` calls it once more with an empty line so that the display can clear itself.
    public init(
        delay: Duration = .seconds(1), interval: Duration = .milliseconds(250),
        display: @escaping @Sendable (String) -> Void
    ) {
        self.delay = delay
        self.interval = interval
        self.display = display
    }

    /// Starts counting a new piece of work (`"writing stix21"`) of `total` units (0 when unknown). On a pinned
    /// meter it only adds `total` to the pinned task's.
    public func begin(_ task: String, unit: Unit, total: Int) {
        state.withLock { state in
            guard !state.isPinned else {
                state.total += total
                return
            }
            let drawn = state.lastDrawn
            state = State(task: task, unit: unit, total: total)
            state.lastDrawn = drawn
        }
    }

    /// Counts every piece of work begun from now on as one task (`"writing stix21 for 8 recipients"`): pieces
    /// running in parallel draw one line instead of taking it from each other.
    public func pin(_ task: String, unit: Unit) {
        state.withLock { state in
            let drawn = state.lastDrawn
            state = State(task: task, unit: unit, total: 0)
            state.lastDrawn = drawn
            state.isPinned = true
        }
    }

    /// Adds to the total of the current work, for work whose size becomes known as it goes (a second pass).
    public func expect(_ more: Int) {
        state.withLock { $0.total += more }
    }

    /// Counts `count` more units done; draws when the interval has passed.
    public func advance(by count: Int = 1) {
        let line: String? = state.withLock { state in
            state.done += count
            state.pending += count
            // Reading the clock once per unit would cost more than the work for small objects.
            guard state.unit == .bytes || state.pending >= 256 else { return nil }
            state.pending = 0
            let now = ContinuousClock.now
            let elapsed = now - state.started
            guard elapsed >= delay else { return nil }
            if let last = state.lastDrawn, now - last < interval { return nil }
            state.lastDrawn = now
            return ProgressLine(task: state.task, unit: state.unit, done: state.done, total: state.total, elapsed: elapsed)
                .rendered
        }
        if let line { display(line) }
    }

    /// Ends the run: a display that drew anything is told to clear its line.
    public func finish() {
        let drewAnything = state.withLock { $0.lastDrawn != nil }
        if drewAnything { display("") }
    }
}
