extension Edition {
    /// Applies one event to a state. Events are facts already decided, so this never fails;
    /// an event that refers to something unknown changes nothing.
    public static func evolve(_ state: inout EditionState, _ event: Event) {
        switch event {
        case .editionCreated(let name):
            state.name = name
        case .voterAgeLimitSet(let minimumAge):
            state.minimumVoterAge = minimumAge
        case .amendmentPolicySet(let policy):
            state.amendmentPolicy = policy
        case .poolAdded(let pool):
            state.pools[pool.id] = PoolState(config: pool)
            state.poolOrder.append(pool.id)
        case .phaseChanged(_, let to):
            state.phase = to
        case .workshopRecorded(let workshop):
            state.workshops[workshop.id] = workshop
        case .initiativeSubmitted(let id, let workshop, let title, let description, let submitter):
            state.initiatives[id] = Initiative(
                id: id, workshop: workshop, title: title, description: description, submitter: submitter, proposals: [])
        case .proposalSubmitted(let id, let pool, let title, let description, let category, let location, let cost, let initiative, let submitter):
            state.proposals[id] = Proposal(
                id: id, pool: pool, title: title, description: description, category: category, location: location,
                costEstimate: cost, initiative: initiative, submitter: submitter, supporters: [], reviews: [:],
                upheldAppeals: [:], withdrawal: nil)
            state.pools[pool]?.proposals.append(id)
            if let initiative { state.initiatives[initiative]?.proposals.append(id) }
        case .proposalAmended(let id, let title, let description, let cost):
            if let title { state.proposals[id]?.title = title }
            if let description { state.proposals[id]?.description = description }
            if let cost { state.proposals[id]?.costEstimate = cost }
            state.proposals[id]?.amendments.append(
                ProposalAmendment(title: title, description: description, costEstimate: cost, setAsideReviews: [:]))
        case .reviewReopened(let id):
            guard var proposal = state.proposals[id], !proposal.amendments.isEmpty else { return }
            proposal.amendments[proposal.amendments.count - 1].setAsideReviews = proposal.reviews
            proposal.reviews = [:]
            state.proposals[id] = proposal
        case .supportSigned(let id, let signer):
            state.proposals[id]?.supporters.insert(signer)
        case .proposalReviewed(let id, let stage, let outcome, let justification, let cost, let reviewer):
            state.proposals[id]?.reviews[stage] = Review(
                outcome: outcome, justification: justification, reviewedCost: cost, reviewer: reviewer)
        case .appealFiled(let id, let proposal, let stage, let grounds):
            state.appeals[id] = Appeal(id: id, proposal: proposal, stage: stage, grounds: grounds)
        case .appealDecided(let id, let upheld, let justification, let cost):
            guard var appeal = state.appeals[id] else { return }
            appeal.upheld = upheld
            appeal.justification = justification
            appeal.reviewedCost = cost
            state.appeals[id] = appeal
            if upheld { state.proposals[appeal.proposal]?.upheldAppeals[appeal.stage] = appeal }
        case .residentRegistered(let resident):
            state.residents.insert(resident)
        case .voterRegistered(let voter):
            state.voters.insert(voter)
        case .ballotCast(let id, let voter, let pool, let projects, let points, let method):
            guard state.pools[pool] != nil else { return }
            state.ballotPools[id] = pool
            state.pools[pool]!.ballotIndex[id] = state.pools[pool]!.ballots.count
            state.pools[pool]!.ballots.append(
                CastBallot(id: id, voter: voter, projects: projects, points: points, method: method, voided: nil))
            state.pools[pool]!.liveBallots[voter, default: 0] += 1
        case .publishedBallotRecorded:
            // The ballot counts as cast; the record is for those who read the log.
            break
        case .ballotVoided(let id, let reason):
            guard let pool = state.ballotPools[id], let index = state.pools[pool]?.ballotIndex[id] else { return }
            state.pools[pool]!.ballots[index].voided = reason
            state.pools[pool]!.liveBallots[state.pools[pool]!.ballots[index].voter, default: 1] -= 1
        case .projectWithdrawn(let id, let reason):
            state.proposals[id]?.withdrawal = reason
        case .resultPublished(let pool, let result):
            state.results[pool] = result
        case .villageFund(let event):
            VillageFund.evolve(&state, event)
        case .votingPointAdded(let point):
            state.votingPoints[point.id] = VotingPointState(point: point)
            state.votingPointOrder.append(point.id)
        case .paperBatchEntered(let point, let ballots, let invalidCards):
            state.votingPoints[point]?.ballots.append(contentsOf: ballots)
            state.votingPoints[point]?.invalidCards += invalidCards
        case .paperProtocolRecorded(let point, let record):
            state.votingPoints[point]?.paperProtocol = record
        case .localInitiative(let event):
            LocalInitiative.evolve(&state, event)
        }
    }

    /// The state after a sequence of events.
    public static func fold(_ events: some Sequence<Event>, into state: EditionState) -> EditionState {
        var state = state
        for event in events { evolve(&state, event) }
        return state
    }
}
