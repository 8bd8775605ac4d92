import ExportCore

/// A MISP sharing group built from a releasable-to list: who may receive an item, by organisation UUID.
package struct MISPSharingGroup: Hashable {
    /// One member organisation.
    package struct Organisation: Hashable, Comparable {
        package var uuid: String
        var name: String

        package init(uuid: String, name: String) {
            self.uuid = uuid
            self.name = name
        }

        package static func < (lhs: Organisation, rhs: Organisation) -> Bool { lhs.uuid < rhs.uuid }
    }

    /// The group's UUID, derived from what it releases to.
    var uuid: String
    /// The group's name ("Five Eyes").
    var name: String
    /// The releasability text MISP requires to be non-empty ("REL TO five-eyes").
    package var releasability: String
    /// The member organisations, sorted by UUID.
    package var members: [Organisation]

    package init(uuid: String, name: String, releasability: String, members: [Organisation]) {
        self.uuid = uuid
        self.name = name
        self.releasability = releasability
        self.members = members
    }

    var memberUUIDs: Set<String> { Set(members.map(\.uuid)) }

    /// The group of the organisations in both groups.
    func intersection(_ other: MISPSharingGroup) -> MISPSharingGroup {
        if memberUUIDs.isSubset(of: other.memberUUIDs) { return self }
        if other.memberUUIDs.isSubset(of: memberUUIDs) { return other }
        let names = [name, other.name].sorted()
        let key = [uuid, other.uuid].sorted().joined(separator: "&")
        return MISPSharingGroup(
            uuid: StableID.uuid5(namespace: StableID.namespace, name: "misp-sharing-group|" + key),
            name: names.joined(separator: " ∩ "),
            releasability: "\(releasability) and \(other.releasability)",
            members: members.filter { other.memberUUIDs.contains($0.uuid) })
    }

    /// The `SharingGroup` block embedded in every item released to it, owned by the producer.
    func json(localID: Int, owner: Organisation) -> JSONValue {
        let ownerJSON = MISPJSON.organisation(owner)
        var orgs: [JSONValue] = [
            .object(["extend": .bool(true), "sharing_group_id": .string(String(localID)), "Organisation": ownerJSON])
        ]
        for member in members where member.uuid != owner.uuid {
            orgs.append(
                .object([
                    "extend": .bool(false), "sharing_group_id": .string(String(localID)),
                    "Organisation": MISPJSON.organisation(member),
                ]))
        }
        return .object([
            "id": .string(String(localID)),
            "uuid": .string(uuid),
            "name": .string(name),
            "releasability": .string(releasability),
            "description": .string("Released by exportctl: \(releasability)"),
            "active": .bool(true),
            "local": .bool(false),
            // Roaming: the data may travel to any instance where a member organisation is present.
            "roaming": .bool(true),
            "organisation_uuid": .string(owner.uuid),
            "Organisation": ownerJSON,
            "SharingGroupOrg": .array(orgs),
            "SharingGroupServer": .array([]),
        ])
    }
}
