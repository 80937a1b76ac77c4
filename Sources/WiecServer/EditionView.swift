import WiecCore

/// An edition as the API shows it.
struct EditionView: Codable, Sendable {
    var id: String
    var name: String
    /// `civic_budget`, or `village_fund` for a fund (its own record is under `/village-funds`).
    var kind: String
    var phase: String
    var pools: [PoolView]
    var proposals: Int
    /// Registered residents.
    var residents: Int
    /// Voting pseudonyms in the log: residents who voted (each enters with their first ballot),
    /// or the voters of an imported election.
    var voters: Int
    /// The youngest age at which a person may register; absent when there is no limit.
    var minimumVoterAge: Int?
    /// What a change of a proposal under review does.
    var amendmentPolicy: AmendmentPolicy

    enum CodingKeys: String, CodingKey {
        case id, name, kind, phase, pools, proposals, residents, voters, minimumVoterAge = "minimum_voter_age", amendmentPolicy = "amendment_policy"
    }

    init(_ state: EditionState) {
        id = state.id
        name = state.name ?? ""
        kind = state.villageFund == nil ? "civic_budget" : "village_fund"
        phase = state.phase.rawValue
        minimumVoterAge = state.minimumVoterAge
        amendmentPolicy = state.amendmentPolicy
        pools = state.poolOrder.compactMap { state.pools[$0] }.map { PoolView($0.config, ballots: $0.ballots.count) }
        proposals = state.proposals.count
        residents = state.residents.count
        voters = state.voters.count
    }
}
