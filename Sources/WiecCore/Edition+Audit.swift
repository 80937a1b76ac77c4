extension Edition {
    /// What an auditor checks of each event against the edition as it was before it: every
    /// ballot comes from a registered voting pseudonym, during `voting`, under a new ballot id;
    /// a pseudonym is registered once; in a pool without re-voting a pseudonym has at most one
    /// live ballot, and in a pool with it the later ballot replaces the earlier one when counted
    /// (``EditionState/countedBallots(in:)``). The store decides the same rules before it
    /// appends, so a log that breaks one was changed behind the store's back.
    ///
    /// - Parameters:
    ///   - state: The edition before the event.
    ///   - event: The event of the next entry.
    /// - Returns: What is wrong, or `nil` when the event keeps one person, one vote.
    public static func oneVoteViolation(_ state: EditionState, _ event: Event) -> String? {
        switch event {
        case .residentRegistered(let resident):
            return state.residents.contains(resident) ? "resident \(resident) is registered twice" : nil
        case .voterRegistered(let voter):
            return state.voters.contains(voter) ? "voting pseudonym \(voter) is registered twice" : nil
        case .ballotCast(let ballot, let voter, let pool, _, _, _):
            guard let poolState = state.pools[pool] else { return "ballot \(ballot) is cast in pool \(pool), which does not exist" }
            guard state.phase == .voting else { return "ballot \(ballot) is cast while the edition is in \(state.phase.rawValue)" }
            guard state.ballotPools[ballot] == nil else { return "ballot \(ballot) is cast twice" }
            guard state.voters.contains(voter) else { return "ballot \(ballot): voter \(voter) is not registered" }
            if !poolState.config.allowsRevoting, poolState.liveBallots[voter, default: 0] > 0 {
                return "ballot \(ballot): voter \(voter) already has a ballot in pool \(pool), which does not allow re-voting"
            }
            return nil
        case .ballotVoided(let ballot, _):
            guard let pool = state.ballotPools[ballot], let index = state.pools[pool]?.ballotIndex[ballot] else {
                return "ballot \(ballot) is voided but was never cast"
            }
            return state.pools[pool]!.ballots[index].voided == nil ? nil : "ballot \(ballot) is voided twice"
        default:
            return nil
        }
    }
}
