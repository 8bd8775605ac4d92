import ExportCore

/// Numbers the sharing groups of one export (`sharing_group_id` is a local integer) and renders them.
final class MISPSharingGroupRegistry {
    private var ids: [String: Int] = [:]

    /// The distribution fields for an audience; a sharing group gets the next free local id on first use.
    func fields(for audience: MISPAudience, owner: MISPSharingGroup.Organisation) -> [String: JSONValue] {
        guard let group = audience.sharingGroup else {
            return ["distribution": .string(String(audience.distribution)), "sharing_group_id": "0"]
        }
        let id = ids[group.uuid] ?? (ids.count + 1)
        ids[group.uuid] = id
        return [
            "distribution": "4", "sharing_group_id": .string(String(id)),
            "SharingGroup": group.json(localID: id, owner: owner),
        ]
    }
}
