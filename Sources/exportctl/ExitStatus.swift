import Export

/// exportctl's exit codes, as the README lists them.
enum ExitStatus: Int32 {
    case success = 0
    case findings = 1
    case usage = 2
    case io = 3

    init(_ code: ExportError.Code) {
        switch code {
        case .usage: self = .usage
        case .io: self = .io
        default: self = .findings
        }
    }
}
