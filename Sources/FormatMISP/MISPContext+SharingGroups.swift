import ExportCore
import ExportSharing

extension MISPContext {
    /// The sharing group for a releasable-to list: one organisation per member actor at the report's date.
    func sharingGroup(_ releasees: [Releasee]) -> MISPSharingGroup {
        var members: Set<MISPSharingGroup.Organisation> = []
        for releasee in releasees { members.formUnion(organisations(for: releasee)) }
        let texts = releasees.map(\.text).sorted()
        let names = releasees.map(displayName).sorted()
        return MISPSharingGroup(
            uuid: StableID.uuid(
                producer: report.producer.id, type: "misp-sharing-group", localID: texts.joined(separator: ",")),
            name: names.joined(separator: ", "),
            releasability: "REL TO " + releasability(releasees),
            members: members.sorted())
    }

    /// The countries the list reaches, as every format names a marking's audience.
    private func releasability(_ releasees: [Releasee]) -> String {
        let codes = Audience.countryCodes(of: releasees, index: index, published: report.published)
        return codes.isEmpty ? "none" : codes.joined(separator: ", ")
    }

    private func displayName(_ releasee: Releasee) -> String {
        switch releasee {
        case .country(let code): code.alpha3
        case .party(let id): name(of: id)
        }
    }

    /// The organisations a releasee stands for: a country's state actor, an actor, or a partnership's members.
    private func organisations(for releasee: Releasee, visited: Set<String> = []) -> [MISPSharingGroup.Organisation] {
        switch releasee {
        case .country(let code):
            if let state = report.actors.first(where: { $0.kind == .state && $0.country == code }) {
                return [organisation(for: state)]
            }
            // A country the report names no state actor for still needs an organisation to release to.
            let uuid = StableID.uuid(producer: report.producer.id, type: "identity", localID: "country:" + code.alpha3)
            return [MISPSharingGroup.Organisation(uuid: uuid, name: code.alpha3)]
        case .party(let id):
            switch items[id] {
            case .actor(let actor): return [organisation(for: actor)]
            case .partnership(let partnership):
                guard !visited.contains(id) else { return [] }
                return partnership.members.filter { $0.counts(on: report.published) }.flatMap {
                    organisations(for: .party($0.member), visited: visited.union([id]))
                }
            default: return []
            }
        }
    }
}
