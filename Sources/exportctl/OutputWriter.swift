import Export

/// Sends a format's bytes to standard output or, atomically, to a file.
enum OutputWriter {
    /// One recipient's file: its view, its options (its own MISP feed folder) and where it goes.
    struct Job: Sendable {
        var view: ReleasedReport
        var options: FormatOptions
        var path: String?
    }

    /// Writes each job's file, several at a time (each atomically, so a failed one leaves its destination as it
    /// was), and returns each outcome in the jobs' order. Progress is one line over all of them.
    static func write(_ jobs: [Job], format: OutputFormat) -> [Result<ExportSummary, any Error>] {
        guard jobs.count > 1 else {
            return jobs.map { job in Result { try write(job.view, format: format, options: job.options, to: job.path) } }
        }
        let progress = Terminal.progressMeter()
        defer { progress?.finish() }
        progress?.pin("writing \(format.descriptor.name) for \(jobs.count) recipients", unit: .objects)
        return ProgressMeter.$current.withValue(progress) {
            Parallel.map(jobs) { job in try writeUnmetered(job.view, format: format, options: job.options, to: job.path) }
        }
    }

    /// Writes one view, showing progress on a terminal.
    static func write(_ view: ReleasedReport, format: OutputFormat, options: FormatOptions, to path: String?)
        throws -> ExportSummary
    {
        let progress = Terminal.progressMeter()
        defer { progress?.finish() }  // before any diagnostic is printed, success or not
        return try ProgressMeter.$current.withValue(progress) {
            try writeUnmetered(view, format: format, options: options, to: path)
        }
    }

    private static func writeUnmetered(
        _ view: ReleasedReport, format: OutputFormat, options: FormatOptions, to path: String?
    ) throws -> ExportSummary {
        guard let path, !OutputDestination.isStandardOutput(path) else {
            var sink: any ByteSink = FileDescriptorSink.standardOutput()
            let summary = try format.writer.write(view, options: options, to: &sink)
            if var stdout = sink as? FileDescriptorSink { try stdout.flush() }
            return summary
        }
        let file = try AtomicFile(path: path)
        var sink: any ByteSink = MemoryBackedFileSink(file: file)
        let summary = try format.writer.write(view, options: options, to: &sink)
        try file.commit()
        return summary
    }

    /// Writes a report (validation JSON or JUnit) to standard output.
    static func standardOutput(_ bytes: [UInt8]) throws {
        var sink = FileDescriptorSink.standardOutput()
        try sink.write(bytes)
        try sink.flush()
    }
}

/// Forwards a format's writes to an atomic file's sink (a protocol existential cannot be passed `inout`
/// as the file's own concrete sink).
private struct MemoryBackedFileSink: ByteSink {
    let file: AtomicFile
    mutating func write(_ bytes: [UInt8]) throws { try file.sink.write(bytes) }
}
