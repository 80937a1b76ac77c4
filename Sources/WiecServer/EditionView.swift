import WiecCore

/// An edition as the API shows it.
struct EditionView: Codable, Sendable {
    var id: String
    var name: String
    var phase: String
    var pools: [PoolView]
    var proposals: Int
    var voters: Int

    init(_ state: EditionState) {
        id = state.id
        name = state.name ?? ""
        phase = state.phase.rawValue
        pools = state.poolOrder.compactMap { state.pools[$0] }.map { PoolView($0.config, ballots: $0.ballots.count) }
        proposals = state.proposals.count
        voters = state.voters.count
    }
}
