import Export

/// libFuzzer's entry point: one input per call; libFuzzer supplies `main` (built with -parse-as-library).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzEntryPoints.sharing(bytes)
    return 0
}
