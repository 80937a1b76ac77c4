import Foundation
public import Pabulib
public import WiecCore
public import WiecLedger

extension AuditBundle {
    /// Writes the bundle of an edition into a folder (created if needed), each pool as a
    /// pabulib file (``pabulibFile(state:pool:)``).
    ///
    /// - Returns: The number of entries written.
    /// - Throws: ``LedgerError`` when the edition does not exist or a file cannot be written.
    public static func export(
        from store: LedgerStore, edition: EditionID, verifier: CheckpointVerifier, to folder: String
    ) throws -> Int64 {
        try export(from: store, edition: edition, verifier: verifier, to: folder) { state, pool in
            try pabulibFile(state: state, pool: pool).written()
        }
    }

    /// A pool's admitted projects and counted ballots as a pabulib file; withdrawn projects get
    /// pabulib's withdrawn cost so that the file counts the same.
    public static func pabulibFile(state: EditionState, pool: PoolID) throws -> PabulibFile {
        let config = state.pools[pool]!.config
        let admitted = state.admittedProposals(in: pool)
        var index: [ProposalID: Int] = [:]
        for (position, proposal) in admitted.enumerated() { index[proposal.id] = position }
        let ballots = state.countedBallots(in: pool)
        let hasPoints = config.voteType == .cumulative || config.voteType == .scoring
        var meta: [(String, String?)] = [
            ("description", config.name), ("num_projects", String(admitted.count)), ("num_votes", String(ballots.count)),
            ("budget", config.budget.description), ("vote_type", config.voteType.rawValue), ("rule", config.rule),
            ("min_length", config.limits.minLength.map(String.init)), ("max_length", config.limits.maxLength.map(String.init)),
            ("min_sum_cost", config.limits.minSumCost?.description), ("max_sum_cost", config.limits.maxSumCost?.description),
            ("min_points", config.limits.minPoints.map(String.init)), ("max_points", config.limits.maxPoints.map(String.init)),
            ("min_sum_points", config.limits.minSumPoints.map(String.init)),
            ("max_sum_points", config.limits.maxSumPoints.map(String.init)),
            ("min_project_score_threshold", config.minProjectScoreThreshold.map(String.init)),
        ]
        meta.append(("currency", config.currency))
        meta.append(("edition", state.id))
        return PabulibFile(
            meta: meta.compactMap { key, value in value.map { MetaEntry(key: key, value: $0) } },
            projectColumns: ["name"],
            projects: admitted.map {
                PabulibProject(
                    id: $0.id, cost: $0.withdrawal != nil ? PabulibFile.withdrawnCost : ($0.reviewedCost ?? $0.costEstimate),
                    values: [$0.title])
            },
            voteColumns: ["voting_method"],
            votes: ballots.map {
                PabulibVote(voterID: $0.voter, projects: $0.projects.compactMap { index[$0] }, points: $0.points, values: [$0.method.rawValue])
            },
            hasPoints: hasPoints)
    }
}
