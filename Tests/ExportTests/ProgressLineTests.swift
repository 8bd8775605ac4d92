import Export
import Testing

/// The progress summary a terminal shows during long runs.
struct ProgressLineTests {
    @Test func objectsWithATotalShowPercentRateAndTimeLeft() {
        let line = ProgressLine(task: "writing stix21", unit: .objects, done: 412_000, total: 1_000_000, elapsed: .seconds(10))
        #expect(line.rendered == "writing stix21: 412,000 / 1,000,000 objects (41%), 41,200/s, 15 s left")
    }

    @Test func bytesAreShownInMegabytes() {
        let line = ProgressLine(task: "validating", unit: .bytes, done: 3 << 20, total: 8 << 20, elapsed: .seconds(1))
        #expect(line.rendered == "validating: 3 / 8 MB (37%), 3 MB/s, 2 s left")
    }

    @Test func anUnknownTotalShowsNoPercentOrTimeLeft() {
        let line = ProgressLine(task: "validating", unit: .objects, done: 999, total: 0, elapsed: .milliseconds(500))
        #expect(line.rendered == "validating: 999 objects, 1,998/s")
    }

    @Test func longRunsShowMinutesAndDoneNeverExceedsTheTotal() {
        let slow = ProgressLine(task: "t", unit: .objects, done: 100, total: 10_000, elapsed: .seconds(10))
        #expect(slow.rendered == "t: 100 / 10,000 objects (1%), 10/s, 16 min 30 s left")
        let over = ProgressLine(task: "t", unit: .objects, done: 12, total: 10, elapsed: .seconds(1))
        #expect(over.rendered == "t: 12 / 12 objects (100%), 12/s")
    }
}
