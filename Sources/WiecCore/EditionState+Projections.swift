public import WiecTally

extension EditionState {
    /// The proposals of a pool that go on its ballot, in submission order.
    public func admittedProposals(in pool: PoolID) -> [Proposal] {
        guard let state = pools[pool] else { return [] }
        return state.proposals.compactMap { proposals[$0] }.filter {
            $0.isAdmitted(supportListSize: state.config.supportListSize)
        }
    }

    /// The ballots that count in a pool: not voided and, where re-voting is allowed, each
    /// voter's last one. Kept in the order they were cast.
    public func countedBallots(in pool: PoolID) -> [CastBallot] {
        guard let state = pools[pool] else { return [] }
        let live = state.ballots.filter { $0.voided == nil }
        guard state.config.allowsRevoting else { return live }
        var seen = Set<VoterID>()
        var counted: [CastBallot] = []
        for ballot in live.reversed() where seen.insert(ballot.voter).inserted {
            counted.append(ballot)
        }
        return counted.reversed()
    }

    /// A pool as an election for the tally: admitted projects with their reviewed costs (withdrawn
    /// ones marked), the counted ballots, the budget, the ballot rules and the exclusion groups.
    ///
    /// - Throws: ``Refusal`` with `unknown_pool` when the edition has no such pool.
    public func election(for pool: PoolID) throws(Refusal) -> Election {
        guard let config = pools[pool]?.config else { throw Refusal(.unknownPool, "edition \(id) has no pool \(pool)") }
        let admitted = admittedProposals(in: pool)
        var index: [ProposalID: Int] = [:]
        for (position, proposal) in admitted.enumerated() { index[proposal.id] = position }
        let projects = admitted.map {
            Project(id: $0.id, cost: $0.reviewedCost ?? $0.costEstimate, isWithdrawn: $0.withdrawal != nil)
        }
        let ballots = countedBallots(in: pool).map { ballot in
            Ballot(projects: ballot.projects.compactMap { index[$0] }, points: ballot.points)
        }
        // A group keeps the proposals that are on the ballot.
        let groups = config.exclusionGroups.map { group in
            ExclusionGroup(projects: group.projects.compactMap { index[$0] }, limit: group.atMost)
        }
        return Election(
            projects: projects, ballots: ballots, budget: config.budget, voteType: config.voteType,
            limits: config.limits, minProjectScoreThreshold: config.minProjectScoreThreshold, exclusionGroups: groups)
    }

    /// Counts a pool by its own rule and tie-breaking.
    ///
    /// - Throws: ``Refusal`` with `unknown_pool`, or `tally_failed` naming why the rule cannot apply.
    public func tally(_ pool: PoolID) throws(Refusal) -> PublishedResult {
        let election = try election(for: pool)
        let config = pools[pool]!.config
        guard let tieBreaking = TieBreaking(name: config.tieBreaking) else {
            throw Refusal(.tallyFailed, "pool \(pool): unknown tie-breaking \(config.tieBreaking)")
        }
        do {
            let result = try Tally.run(election, spec: RuleSpec(name: config.rule), options: TallyOptions(tieBreaking: tieBreaking))
            return PublishedResult(
                rule: config.rule, tieBreaking: tieBreaking.name,
                selected: result.selected.map { election.projects[$0].id }, scores: result.scores, spent: result.spent)
        } catch {
            throw Refusal(.tallyFailed, "pool \(pool): \(error)")
        }
    }
}
