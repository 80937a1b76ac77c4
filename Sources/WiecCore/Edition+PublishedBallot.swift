extension Edition {
    /// The checks of a ballot of an already-published election, recorded as it was counted
    /// although it breaks the pool's stated rules: everything ``castBallot`` checks except
    /// those rules, which `breaks` states instead.
    ///
    /// - Returns: the ballot as cast, then the record of what it breaks.
    static func recordPublishedBallot(
        _ state: EditionState, _ actor: Actor, ballot: BallotID, voter: VoterID, pool: PoolID,
        projects: [ProposalID], points: [Int64], method: VotingMethod, breaks: [String]
    ) throws(Refusal) -> [Event] {
        try require(actor, [.official], edition: true)
        try phase(state, [.voting], "published ballots are recorded")
        guard let poolState = state.pools[pool] else { throw Refusal(.unknownPool, "no pool \(pool)") }
        guard !breaks.isEmpty, !breaks.contains(where: \.isEmpty) else {
            throw Refusal(.invalidValue, "a published ballot is recorded with the rules it breaks; any other ballot is cast")
        }
        guard state.voters.contains(voter) else { throw Refusal(.notRegistered, "voter \(voter) is not registered") }
        guard state.ballotPools[ballot] == nil else { throw Refusal(.duplicateID, "ballot \(ballot) already exists") }
        let config = poolState.config
        if !config.allowsRevoting, poolState.liveBallots[voter, default: 0] > 0 {
            throw Refusal(.alreadyVoted, "voter \(voter) already voted in pool \(pool)")
        }
        var seen = Set<ProposalID>()
        for id in projects {
            guard let proposal = state.proposals[id], proposal.pool == pool,
                proposal.isAdmitted(supportListSize: config.supportListSize)
            else { throw Refusal(.unknownProject, "\(id) is not on the ballot of pool \(pool)") }
            // A project named twice on the published ballot is recorded once, as it was counted.
            guard seen.insert(id).inserted else { throw Refusal(.duplicateProject, "the ballot names \(id) twice") }
        }
        switch config.voteType {
        case .cumulative, .scoring:
            guard points.count == projects.count else {
                throw Refusal(.malformedBallot, "the ballot gives points to \(points.count) of its \(projects.count) projects")
            }
        case .approval, .chooseOne, .ordinal:
            guard points.isEmpty else { throw Refusal(.malformedBallot, "\(config.voteType.rawValue) ballots take no points") }
        }
        return [
            .ballotCast(ballot: ballot, voter: voter, pool: pool, projects: projects, points: points, method: method),
            .publishedBallotRecorded(ballot: ballot, breaks: breaks),
        ]
    }
}
