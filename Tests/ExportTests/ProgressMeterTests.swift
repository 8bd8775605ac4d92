import Export
import ExportTestSupport
import Synchronization
import Testing

/// When the meter draws, and that library code reports to the task-local meter only.
struct ProgressMeterTests {
    final class Lines: Sendable {
        let all = Mutex<[String]>([])
        func append(_ line: String) { all.withLock { $0.append(line) } }
        var value: [String] { all.withLock { $0 } }
    }

    @Test func drawsAfterTheDelayAndClearsAtTheEnd() {
        let lines = Lines()
        let meter = ProgressMeter(delay: .zero, interval: .zero) { lines.append($0) }
        meter.begin("writing", unit: .objects, total: 1_000)
        for _ in 0..<512 { meter.advance() }
        meter.finish()
        // Objects are counted in batches of 256 before the clock is read.
        #expect(lines.value.count == 3)
        #expect(lines.value.first?.hasPrefix("writing: 256 / 1,000 objects (25%), ") == true)
        #expect(lines.value.last == "")
    }

    /// Writers running in parallel for several recipients each call `begin`; a pinned meter adds their totals
    /// to one task instead of letting each reset the line.
    @Test func aPinnedMeterCountsParallelWritersAsOneTask() {
        let lines = Lines()
        let meter = ProgressMeter(delay: .zero, interval: .zero) { lines.append($0) }
        meter.pin("writing stix21 for 2 recipients", unit: .objects)
        _ = ProgressMeter.$current.withValue(meter) {
            Parallel.map([0, 1]) { _ in
                ProgressMeter.current?.begin("writing stix21", unit: .objects, total: 256)
                ProgressMeter.current?.advance(by: 256)
            }
        }
        meter.finish()
        #expect(lines.value.first?.hasPrefix("writing stix21 for 2 recipients: 256 / ") == true, "\(lines.value)")
        #expect(lines.value.dropLast().last?.hasPrefix("writing stix21 for 2 recipients: 512 / 512 objects") == true, "\(lines.value)")
    }

    /// Outcomes come back in the order of the input whichever finishes first, errors included.
    @Test func parallelMapKeepsTheOrderOfItsInput() {
        struct Odd: Error {}
        let outcomes = Parallel.map(Array(0..<50)) { number in
            if number % 2 == 1 { throw Odd() }
            return number * 10
        }
        #expect(outcomes.count == 50)
        for (number, outcome) in outcomes.enumerated() {
            switch outcome {
            case .success(let value): #expect(number % 2 == 0 && value == number * 10)
            case .failure: #expect(number % 2 == 1)
            }
        }
    }

    @Test func staysSilentBeforeTheDelay() {
        let lines = Lines()
        let meter = ProgressMeter(delay: .seconds(3600)) { lines.append($0) }
        meter.begin("validating", unit: .bytes, total: 10 << 20)
        for _ in 0..<10 { meter.advance(by: 1 << 20) }
        meter.finish()
        #expect(lines.value.isEmpty)
    }

    @Test func expectGrowsTheTotalForASecondPass() {
        let lines = Lines()
        let meter = ProgressMeter(delay: .zero, interval: .zero) { lines.append($0) }
        meter.begin("validating", unit: .bytes, total: 4 << 20)
        meter.advance(by: 4 << 20)
        meter.expect(4 << 20)
        meter.advance(by: 1 << 20)
        #expect(lines.value.map { $0.prefix(26) } == ["validating: 4 / 4 MB (100%", "validating: 5 / 8 MB (62%)"])
    }

    @Test func theSTIXWriterReportsEveryTopLevelObject() throws {
        let lines = Lines()
        let meter = ProgressMeter(delay: .zero, interval: .zero) { lines.append($0) }
        var generator = ReportGenerator(seed: 3)
        let report = try generator.report(size: 1_200)
        var sink = MemorySink()
        try ProgressMeter.$current.withValue(meter) {
            var any: any ByteSink = sink
            _ = try FormatDescriptor.stix21.writer!.write(ReleasedReport(everythingIn: report), options: .default, to: &any)
            sink = try #require(any as? MemorySink)
        }
        let total = report.objectCount
        #expect(total >= 512)
        #expect(lines.value.count == total / 256)
        #expect(lines.value.allSatisfy { $0.hasPrefix("writing stix21: ") && $0.contains(" objects (") })
    }

    /// Indicators count in the total too: a report of few objects and many indicators does not read 100% (a line
    /// shows the count as the total once the count passes it) long before the end.
    @Test func theSTIXWritersTotalCountsIndicators() throws {
        let lines = Lines()
        let meter = ProgressMeter(delay: .zero, interval: .zero) { lines.append($0) }
        var generator = ReportGenerator(seed: 3)
        var report = try generator.report(size: 40)
        let from = try PartialDate(parsing: "2023")
        report.indicators = (0..<1_000).map { Indicator(id: "ind-\($0)", name: "I\($0)", pattern: "[file:size = \($0)]", validFrom: from) }
        try ProgressMeter.$current.withValue(meter) {
            var any: any ByteSink = MemorySink()
            _ = try FormatDescriptor.stix21.writer!.write(ReleasedReport(everythingIn: report), options: .default, to: &any)
        }
        #expect(lines.value.count == (report.objectCount + 1_000) / 256)
        let percents = lines.value.compactMap { $0.split(separator: "(").last?.split(separator: "%").first.flatMap { Int($0) } }
        #expect(percents.count == lines.value.count && percents.allSatisfy { $0 < 100 }, "\(lines.value)")
    }

    @Test func formatsThatDoNotCountObjectsDrawNoLine() throws {
        let lines = Lines()
        let meter = ProgressMeter(delay: .zero, interval: .zero) { lines.append($0) }
        var generator = ReportGenerator(seed: 3)
        let report = try generator.report(size: 300)
        var settings = FormatOptions.default
        settings.validatesOutput = false  // the STIX 1.2 schemas are not what this is about
        try ProgressMeter.$current.withValue(meter) {
            for format in FormatRegistry.writable where format.writer?.countsProgress != true {
                var any: any ByteSink = MemorySink()
                _ = try format.writer!.write(ReleasedReport(everythingIn: report), options: settings, to: &any)
            }
        }
        #expect(FormatRegistry.writable.contains { $0.writer?.countsProgress != true })
        // A line stuck at "0 / N objects (0%)" would mislead more than no line.
        #expect(lines.value.isEmpty)
    }
}
