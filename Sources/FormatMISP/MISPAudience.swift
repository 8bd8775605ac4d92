/// Who may see a MISP item, as MISP's `distribution` levels can say it.
///
/// A marking with a releasable-to list becomes a sharing group; without one, the TLP level decides:
/// CLEAR reaches all communities, GREEN this community, AMBER and stricter the receiving organisation only.
package enum MISPAudience: Hashable {
    case organisation
    case community
    case everyone
    case group(MISPSharingGroup)

    /// MISP's `distribution` value for an item with this audience.
    package var distribution: Int {
        switch self {
        case .organisation: 0
        case .community: 1
        case .everyone: 3
        case .group: 4
        }
    }

    /// The sharing group, when the audience is one.
    package var sharingGroup: MISPSharingGroup? {
        if case .group(let group) = self { group } else { nil }
    }

    /// Whether an item with this audience may inherit (`distribution` 5) from a parent with `parent`'s
    /// audience: true when the parent reaches nobody the item may not reach.
    package func covers(_ parent: MISPAudience) -> Bool {
        switch (self, parent) {
        case _ where self == parent: true
        case (.everyone, _): true
        case (_, .organisation): true
        case (.community, .group): true
        case (.group(let mine), .group(let theirs)): theirs.memberUUIDs.isSubset(of: mine.memberUUIDs)
        default: false
        }
    }

    /// The audience that may see both: what a link without its own marking reaches.
    package func intersection(_ other: MISPAudience) -> MISPAudience {
        switch (self, other) {
        case (.group(let mine), .group(let theirs)): .group(mine.intersection(theirs))
        default: rank <= other.rank ? self : other
        }
    }

    /// From the narrowest to the widest: the receiving organisation, a named group, this community, everyone.
    private var rank: Int {
        switch self {
        case .organisation: 0
        case .group: 1
        case .community: 2
        case .everyone: 3
        }
    }
}
