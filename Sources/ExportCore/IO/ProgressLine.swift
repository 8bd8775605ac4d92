/// One progress summary: `writing stix21: 412,000 / 1,000,000 objects (41%), 35,200/s, 17 s left`.
///
/// ```swift
/// ProgressLine(task: "validating", unit: .bytes, done: 3 << 20, total: 8 << 20, elapsed: .seconds(1)).rendered
/// // "validating: 3 / 8 MB (37%), 3 MB/s, 2 s left"
/// ```
public struct ProgressLine: Sendable, Hashable {
    public var task: String
    public var unit: ProgressMeter.Unit
    public var done: Int
    /// 0 when unknown: no percentage and no time left are shown.
    public var total: Int
    public var elapsed: Duration

    /// Creates a line.
    public init(task: String, unit: ProgressMeter.Unit, done: Int, total: Int, elapsed: Duration) {
        self.task = task
        self.unit = unit
        self.done = done
        self.total = total
        self.elapsed = elapsed
    }

    /// The text, without a newline.
    public var rendered: String {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = seconds > 0 ? Double(done) / seconds : 0
        var text = "\(task): \(amount(done))"
        if total > 0 {
            let shown = max(total, done)
            text += " / \(amount(shown)) \(unitName) (\(done * 100 / shown)%)"
        } else {
            text += " \(unitName)"
        }
        text += ", \(amount(Int(rate)))\(unit == .bytes ? " MB" : "")/s"
        if total > done, rate > 0 {
            text += ", \(Self.duration(Double(total - done) / rate)) left"
        }
        return text
    }

    private var unitName: String { unit == .bytes ? "MB" : "objects" }

    /// Objects with thousands separators; bytes in whole megabytes.
    private func amount(_ value: Int) -> String {
        unit == .bytes ? Self.grouped(value >> 20) : Self.grouped(value)
    }

    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        return whole < 60 ? "\(whole) s" : "\(whole / 60) min \(whole % 60) s"
    }
}
