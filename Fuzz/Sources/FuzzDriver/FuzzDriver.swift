/// Runs libFuzzer with a Swift closure as the per-input callback.
///
/// SwiftPM links every executable with `main` aliased to `<target>_main` (its entry point), so libFuzzer's own
/// `main` is never used and `-parse-as-library` fails to link ("undefined symbol 'fuzz_x_main'"). Each target's
/// `main.swift` therefore calls libFuzzer's documented driver, `LLVMFuzzerRunDriver`, itself.
///
/// ```swift
/// FuzzDriver.run { FuzzEntryPoints.authoring($0) }   // the whole of Sources/fuzz-authoring/main.swift
/// ```
public enum FuzzDriver {
    /// Hands the command line to libFuzzer, calls `body` once per input, and exits with libFuzzer's status.
    public static func run(_ body: @escaping ([UInt8]) -> Void) -> Never {
        target = body
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            FuzzDriver.target?(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
            return 0
        })
    }

    /// The closure libFuzzer's C callback forwards to; set once before the driver starts, on one thread.
    nonisolated(unsafe) static var target: (([UInt8]) -> Void)?
}

/// `int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*cb)(const uint8_t *data, size_t size))`, in libFuzzer.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

@_silgen_name("exit")
func exit(_ status: CInt) -> Never
