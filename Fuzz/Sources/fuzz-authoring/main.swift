import ExportDevSupport
import FuzzDriver

// libFuzzer calls this once per input; see FuzzDriver for why there is no LLVMFuzzerTestOneInput.
FuzzDriver.run { FuzzEntryPoints.authoring($0) }
