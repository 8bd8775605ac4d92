/// A Traffic Light Protocol 2.0 level.
///
/// Ordered from the widest audience to the narrowest, so `max` of two levels is the stricter one.
public enum TLP: String, Sendable, CaseIterable {
    case clear
    case green
    case amber
    case amberStrict = "amber+strict"
    case red

    /// The label as FIRST writes it, e.g. `TLP:AMBER+STRICT`.
    public var label: String { "TLP:" + rawValue.uppercased() }
}

extension TLP: Hashable {}

extension TLP: Comparable {
    public static func < (lhs: TLP, rhs: TLP) -> Bool { lhs.rank < rhs.rank }

    private var rank: Int {
        switch self {
        case .clear: 0
        case .green: 1
        case .amber: 2
        case .amberStrict: 3
        case .red: 4
        }
    }
}
