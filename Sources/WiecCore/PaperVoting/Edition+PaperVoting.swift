extension Edition {
    /// The largest count of cards a batch or a protocol may state.
    public static let maximumCards = 10_000_000

    /// Checks the paper-voting commands: adding a voting point, closing a batch of cards entered
    /// from one, and recording its protocol.
    ///
    /// - Returns: The events to append, never empty.
    /// - Throws: ``Refusal`` naming the rule broken.
    static func decidePaperVoting(_ state: EditionState, _ command: Command, by actor: Actor) throws(Refusal) -> [Event] {
        switch command {
        case .addVotingPoint(let point):
            try require(actor, [.official], edition: true)
            try phase(state, [.draft, .submission, .review, .appeals, .voting], "voting points are added")
            guard !point.id.isEmpty, state.votingPoints[point.id] == nil else {
                throw Refusal(.duplicateID, "voting point '\(point.id)' already exists or is empty")
            }
            guard !point.name.isEmpty else { throw Refusal(.invalidValue, "a voting point needs a name") }
            return [.votingPointAdded(point: point)]
        case .enterPaperBatch(let id, let ballots, let invalidCards):
            try require(actor, [.official], edition: false)
            try phase(state, [.voting], "paper ballots are entered")
            let point = try openPoint(state, id)
            guard (0...maximumCards).contains(invalidCards) else {
                throw Refusal(.invalidValue, "a batch counts 0 to \(maximumCards) invalid cards, not \(invalidCards)")
            }
            guard !ballots.isEmpty || invalidCards > 0 else { throw Refusal(.invalidValue, "a batch holds at least one card") }
            var seen = Set<BallotID>()
            for ballot in ballots {
                guard let pool = state.ballotPools[ballot], let index = state.pools[pool]?.ballotIndex[ballot],
                    state.pools[pool]!.ballots[index].method == .paper
                else { throw Refusal(.unknownBallot, "no paper ballot \(ballot)") }
                guard seen.insert(ballot).inserted, !state.votingPoints.values.contains(where: { $0.ballots.contains(ballot) }) else {
                    throw Refusal(.duplicateID, "paper ballot \(ballot) is already in a batch")
                }
            }
            guard point.ballots.count + ballots.count + point.invalidCards + invalidCards <= maximumCards else {
                throw Refusal(.invalidValue, "voting point \(id) would hold more than \(maximumCards) cards")
            }
            return [.paperBatchEntered(point: id, ballots: ballots, invalidCards: invalidCards)]
        case .recordPaperProtocol(let id, let received, let issued):
            try require(actor, [.official], edition: false)
            try phase(state, [.voting, .closed], "voting points' protocols are recorded")
            let point = try openPoint(state, id)
            guard (0...maximumCards).contains(received), (0...received).contains(issued) else {
                throw Refusal(.invalidValue, "cards issued (\(issued)) must be 0 to the cards received (\(received)), at most \(maximumCards)")
            }
            let valid = point.ballots.count(where: { ballot in
                guard let pool = state.ballotPools[ballot], let index = state.pools[pool]?.ballotIndex[ballot] else { return false }
                return state.pools[pool]!.ballots[index].voided == nil
            })
            guard valid + point.invalidCards <= issued else {
                throw Refusal(.invalidValue, "\(valid) valid and \(point.invalidCards) invalid cards were entered from \(id), more than the \(issued) issued")
            }
            return [.paperProtocolRecorded(
                point: id,
                protocol: PaperProtocol(cardsReceived: received, cardsIssued: issued, valid: valid, invalid: point.invalidCards, official: actor.id))]
        default:
            throw Refusal(.notAllowed, "not a paper-voting command")
        }
    }

    /// A voting point that still takes cards: it exists and has no protocol yet.
    private static func openPoint(_ state: EditionState, _ id: VotingPointID) throws(Refusal) -> VotingPointState {
        guard let point = state.votingPoints[id] else { throw Refusal(.unknownVotingPoint, "no voting point \(id)") }
        guard point.paperProtocol == nil else { throw Refusal(.alreadyDecided, "voting point \(id) is closed by its protocol") }
        return point
    }
}
