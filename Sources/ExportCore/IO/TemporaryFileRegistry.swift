import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// The temporary files of unfinished ``AtomicFile``s, removed when SIGINT, SIGTERM or SIGHUP ends the process.
///
/// A signal handler may only make async-signal-safe calls: no allocation, no locks, no Swift runtime. The paths
/// therefore live in one fixed table of NUL-terminated C strings, allocated before the handlers are installed;
/// the handler walks it, calls `unlink(2)` on every live slot, restores the default action and re-raises, so
/// the parent still sees the process killed by that signal.
///
/// ```swift
/// TemporaryFileRegistry.removeOnTermination()   // once, early in main
/// ```
public enum TemporaryFileRegistry {
    static let slotCount = 64
    /// PATH_MAX: a longer path is not registered (and could not be opened anyway).
    static let slotSize = 4096

    /// The table; a slot whose first byte is NUL is free. Written under `lock`, read by the handler.
    nonisolated(unsafe) static let table: UnsafeMutablePointer<CChar> = {
        let table = UnsafeMutablePointer<CChar>.allocate(capacity: slotCount * slotSize)
        table.initialize(repeating: 0, count: slotCount * slotSize)
        return table
    }()

    private static let lock = Mutex(())

    /// Installs the handlers for SIGINT, SIGTERM and SIGHUP, leaving a signal alone when it is ignored (`nohup`).
    public static func removeOnTermination() {
        _ = table  // allocate before any handler can read it
        for number in [SIGINT, SIGTERM, SIGHUP] {
            let previous = signal(number, removeAndReraise)
            if let previous, unsafeBitCast(previous, to: Int.self) == 1 {  // SIG_IGN
                signal(number, previous)
            }
        }
    }

    /// Records `path`; returns its slot, or `nil` when the table is full or the path too long.
    static func register(_ path: String) -> Int? {
        let bytes = Array(path.utf8)
        guard !bytes.isEmpty, bytes.count < slotSize, !bytes.contains(0) else { return nil }
        return lock.withLock { _ in
            for slot in 0..<slotCount where table[slot * slotSize] == 0 {
                let start = table + slot * slotSize
                for (offset, byte) in bytes.enumerated().dropFirst() { start[offset] = CChar(bitPattern: byte) }
                start[bytes.count] = 0
                // The first byte last: the handler never sees a slot that is half written.
                start.pointee = CChar(bitPattern: bytes[0])
                return slot
            }
            return nil
        }
    }

    /// Forgets a slot once its file has been renamed into place or removed.
    static func unregister(_ slot: Int?) {
        guard let slot else { return }
        lock.withLock { _ in table[slot * slotSize] = 0 }
    }
}

/// Only async-signal-safe calls (`unlink`, `signal`, `raise`) and plain memory reads.
private func removeAndReraise(_ number: Int32) {
    let table = TemporaryFileRegistry.table
    var slot = 0
    while slot < TemporaryFileRegistry.slotCount {
        let start = table + slot * TemporaryFileRegistry.slotSize
        if start.pointee != 0 { unlink(start) }
        slot += 1
    }
    signal(number, SIG_DFL)
    raise(number)
}
