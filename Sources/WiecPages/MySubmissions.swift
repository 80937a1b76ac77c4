import WiecCore

/// "My submissions": the resident's proposals with their status, every review's justification
/// and what they can do now (amend, appeal), and their initiatives.
struct MySubmissions: ViewModel {
    var proposals: [Item]
    var initiatives: [String]

    struct Item: ViewModel {
        var page: ProposalPage
        var href: String

        func child(named name: String) -> Any? {
            name == "href" ? href : page.child(named: name)
        }
    }

    init(_ state: EditionState, voter: VoterID, catalogue: Catalogue, language: Language) {
        proposals = state.poolOrder.flatMap { state.pools[$0]?.proposals ?? [] }.compactMap { state.proposals[$0] }
            .filter { $0.submitter == voter }
            .map { Item(page: ProposalPage($0, in: state, viewer: voter, catalogue: catalogue, language: language), href: "/edycje/\(state.id)/projekty/\($0.id)") }
        initiatives = state.initiatives.values.filter { $0.submitter == voter }.sorted { $0.id < $1.id }.map(\.title)
    }

    func child(named name: String) -> Any? {
        switch name {
        case "proposals": proposals
        case "hasProposals": !proposals.isEmpty
        case "initiatives": initiatives
        case "hasInitiatives": !initiatives.isEmpty
        default: nil
        }
    }
}
