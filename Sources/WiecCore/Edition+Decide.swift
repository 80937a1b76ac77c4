import Foundation
import WiecTally

extension Edition {
    /// Checks a command against the edition's phase, the actor's role and scope and the pool's
    /// rules, and returns the events it produces.
    ///
    /// - Parameters:
    ///   - state: The edition as it is now.
    ///   - command: What the actor asks.
    ///   - actor: Who asks.
    ///   - time: The time of recording; the rules of village funds and local initiatives compare the
    ///     days of the acts they record with its day in Europe/Warsaw.
    /// - Returns: The events to append, in order; never empty.
    /// - Throws: ``Refusal`` with the machine-readable reason; nothing is to be appended then.
    public static func decide(_ state: EditionState, _ command: Command, by actor: Actor, at time: Date) throws(Refusal) -> [Event] {
        if case .villageFund(let fund) = command, !state.exists {
            return try VillageFund.decide(state, fund, by: actor, on: CalendarDay(time, in: CalendarDay.warsaw)).map(Event.villageFund)
        }
        if case .createEdition(let name) = command {
            try require(actor, [.official], edition: true)
            guard !state.exists else { throw Refusal(.editionExists, "edition \(state.id) already exists") }
            guard !name.isEmpty else { throw Refusal(.invalidValue, "an edition needs a name") }
            return [.editionCreated(name: name)]
        }
        guard state.exists else { throw Refusal(.unknownEdition, "edition \(state.id) does not exist") }
        if state.villageFund != nil, !command.isVillageFund {
            throw Refusal(.wrongEditionKind, "\(state.id) is a village fund; it takes only the fund's commands")
        }
        switch command {
        case .createEdition:
            throw Refusal(.editionExists, "edition \(state.id) already exists")
        case .setVoterAgeLimit(let minimumAge):
            try require(actor, [.official], edition: true)
            try phase(state, [.draft, .submission], "the voter age limit is set")
            if let minimumAge, !(0...maximumVoterAge).contains(minimumAge) {
                throw Refusal(.invalidValue, "a minimum voter age is 0 to \(maximumVoterAge) years, not \(minimumAge)")
            }
            return [.voterAgeLimitSet(minimumAge: minimumAge)]
        case .addPool(let pool):
            try require(actor, [.official], edition: true)
            try phase(state, [.draft], "pools are added")
            guard state.pools[pool.id] == nil else { throw Refusal(.duplicateID, "pool \(pool.id) already exists") }
            try validate(pool)
            return [.poolAdded(pool: pool)]
        case .advancePhase(let to):
            try require(actor, [.official], edition: true)
            guard state.phase.next == to else {
                throw Refusal(.invalidTransition, "the edition is in \(state.phase.rawValue); it can only move to \(state.phase.next?.rawValue ?? "nothing")")
            }
            var events: [Event] = []
            if to == .published {
                for pool in state.poolOrder {
                    events.append(.resultPublished(pool: pool, result: try state.tally(pool)))
                }
            }
            events.append(.phaseChanged(from: state.phase, to: to))
            return events
        case .recordWorkshop(let workshop):
            try require(actor, [.official], edition: true)
            try phase(state, [.draft, .submission], "workshops are recorded")
            guard state.workshops[workshop.id] == nil else { throw Refusal(.duplicateID, "workshop \(workshop.id) already exists") }
            guard workshop.participants >= 0 else { throw Refusal(.invalidValue, "workshop \(workshop.id): negative participant count") }
            return [.workshopRecorded(workshop: workshop)]
        case .submitInitiative(let id, let workshop, let title, let description):
            try require(actor, [.resident, .official], edition: false)
            try phase(state, [.submission], "initiatives are submitted")
            guard state.initiatives[id] == nil else { throw Refusal(.duplicateID, "initiative \(id) already exists") }
            if let workshop, state.workshops[workshop] == nil { throw Refusal(.unknownWorkshop, "no workshop \(workshop)") }
            return [.initiativeSubmitted(id: id, workshop: workshop, title: title, description: description, submitter: actor.id)]
        case .submitProposal(let id, let pool, let title, let description, let category, let location, let cost, let initiative):
            try require(actor, [.resident, .official], edition: false)
            try phase(state, [.submission], "proposals are submitted")
            guard state.pools[pool] != nil else { throw Refusal(.unknownPool, "no pool \(pool)") }
            if actor.role == .official { try scope(actor, pool) }
            guard state.proposals[id] == nil else { throw Refusal(.duplicateID, "proposal \(id) already exists") }
            if let initiative, state.initiatives[initiative] == nil { throw Refusal(.unknownInitiative, "no initiative \(initiative)") }
            guard cost > .zero else { throw Refusal(.invalidValue, "proposal \(id): the cost estimate must be positive") }
            return [.proposalSubmitted(
                id: id, pool: pool, title: title, description: description, category: category, location: location,
                costEstimate: cost, initiative: initiative, submitter: actor.id)]
        case .amendProposal(let id, let title, let description, let cost):
            let proposal = try proposal(state, id)
            try phase(state, [.submission, .review], "proposals are amended")
            guard proposal.submitter == actor.id, actor.role == .resident || actor.role == .official else {
                throw Refusal(.notSubmitter, "only the submitter of \(id) may amend it")
            }
            if let cost, cost <= .zero { throw Refusal(.invalidValue, "proposal \(id): the cost estimate must be positive") }
            return [.proposalAmended(proposal: id, title: title, description: description, costEstimate: cost)]
        case .signSupport(let id, let signer):
            let proposal = try proposal(state, id)
            try phase(state, [.submission], "support lists are signed")
            switch actor.role {
            case .resident:
                guard signer == actor.id else { throw Refusal(.notAllowed, "a resident signs only for themselves") }
            case .official:
                try scope(actor, proposal.pool)
            default:
                throw Refusal(.notAllowed, "a \(actor.role.rawValue) may not sign support lists")
            }
            guard !proposal.supporters.contains(signer) else { throw Refusal(.alreadySigned, "\(signer) already signed for \(id)") }
            return [.supportSigned(proposal: id, signer: signer)]
        case .reviewProposal(let id, let stage, let outcome, let justification, let cost):
            let proposal = try proposal(state, id)
            try require(actor, [.reviewer, .official], edition: false)
            try scope(actor, proposal.pool)
            try phase(state, [.review], "proposals are reviewed")
            guard proposal.reviews[stage] == nil else { throw Refusal(.alreadyReviewed, "\(id) already has a \(stage.rawValue) review") }
            let stages = ReviewStage.allCases
            let position = stages.firstIndex(of: stage)!
            if position > 0, case let previous = stages[position - 1], proposal.outcome(of: previous) != .positive {
                throw Refusal(.stageOutOfOrder, "\(id): the \(stage.rawValue) review needs a positive \(previous.rawValue) review first")
            }
            guard !justification.isEmpty else { throw Refusal(.invalidValue, "a review needs a written justification") }
            if stage == .cost, outcome == .positive, cost == nil {
                throw Refusal(.missingReviewedCost, "a positive cost review of \(id) must state the reviewed cost")
            }
            if let cost, cost <= .zero { throw Refusal(.invalidValue, "\(id): the reviewed cost must be positive") }
            return [.proposalReviewed(
                proposal: id, stage: stage, outcome: outcome, justification: justification,
                reviewedCost: stage == .cost ? cost : nil, reviewer: actor.id)]
        case .fileAppeal(let appeal, let id, let stage, let grounds):
            let proposal = try proposal(state, id)
            try phase(state, [.appeals], "appeals are filed")
            guard proposal.submitter == actor.id else { throw Refusal(.notSubmitter, "only the submitter of \(id) may appeal") }
            guard state.appeals[appeal] == nil else { throw Refusal(.duplicateID, "appeal \(appeal) already exists") }
            guard proposal.outcome(of: stage) == .negative else {
                throw Refusal(.nothingToAppeal, "\(id) has no negative \(stage.rawValue) review to appeal")
            }
            return [.appealFiled(appeal: appeal, proposal: id, stage: stage, grounds: grounds)]
        case .decideAppeal(let id, let upheld, let justification, let cost):
            try require(actor, [.appealsTeam], edition: true)
            try phase(state, [.appeals], "appeals are decided")
            guard let appeal = state.appeals[id] else { throw Refusal(.unknownAppeal, "no appeal \(id)") }
            guard appeal.upheld == nil else { throw Refusal(.alreadyDecided, "appeal \(id) is already decided") }
            guard !justification.isEmpty else { throw Refusal(.invalidValue, "a decision needs a written justification") }
            if upheld, appeal.stage == .cost, cost == nil {
                throw Refusal(.missingReviewedCost, "upholding the cost appeal \(id) must state the reviewed cost")
            }
            return [.appealDecided(appeal: id, upheld: upheld, justification: justification, reviewedCost: upheld ? cost : nil)]
        case .registerVoter(let voter):
            try require(actor, [.official], edition: false)
            guard state.phase < .closed else { throw Refusal(.phaseClosed, "voters are registered before the vote closes") }
            guard !state.voters.contains(voter) else { throw Refusal(.alreadyRegistered, "voter \(voter) is already registered") }
            guard !voter.isEmpty else { throw Refusal(.invalidValue, "a voter id cannot be empty") }
            return [.voterRegistered(voter: voter)]
        case .castBallot(let ballot, let voter, let pool, let projects, let points, let method):
            return [try castBallot(
                state, actor, ballot: ballot, voter: voter, pool: pool, projects: projects, points: points, method: method)]
        case .voidBallot(let ballot, let reason):
            try phase(state, [.voting, .closed], "ballots are voided")
            guard let pool = state.ballotPools[ballot], let index = state.pools[pool]?.ballotIndex[ballot] else {
                throw Refusal(.unknownBallot, "no ballot \(ballot)")
            }
            try require(actor, [.official], edition: false)
            try scope(actor, pool)
            guard state.pools[pool]!.ballots[index].voided == nil else { throw Refusal(.alreadyVoided, "ballot \(ballot) is already void") }
            guard !reason.isEmpty else { throw Refusal(.invalidValue, "voiding a ballot needs a reason") }
            return [.ballotVoided(ballot: ballot, reason: reason)]
        case .withdrawProject(let id, let reason):
            let proposal = try proposal(state, id)
            try require(actor, [.official], edition: false)
            try scope(actor, proposal.pool)
            try phase(state, [.voting, .closed], "projects are withdrawn")
            guard proposal.withdrawal == nil else { throw Refusal(.alreadyWithdrawn, "\(id) is already withdrawn") }
            guard !reason.isEmpty else { throw Refusal(.invalidValue, "withdrawing a project needs a reason") }
            return [.projectWithdrawn(proposal: id, reason: reason)]
        case .villageFund(let fund):
            return try VillageFund.decide(state, fund, by: actor, on: CalendarDay(time, in: CalendarDay.warsaw)).map(Event.villageFund)
        case .addVotingPoint, .enterPaperBatch, .recordPaperProtocol:
            return try decidePaperVoting(state, command, by: actor)
        case .localInitiative(let local):
            return try LocalInitiative.decide(state, local, by: actor, on: CalendarDay(time, in: CalendarDay.warsaw)).map(Event.localInitiative)
        }
    }

    /// The checks of a ballot against the phase, the voter, the actor and the pool's rules.
    private static func castBallot(
        _ state: EditionState, _ actor: Actor, ballot: BallotID, voter: VoterID, pool: PoolID,
        projects: [ProposalID], points: [Int64], method: VotingMethod
    ) throws(Refusal) -> Event {
        try phase(state, [.voting], "ballots are cast")
        guard let poolState = state.pools[pool] else { throw Refusal(.unknownPool, "no pool \(pool)") }
        switch (actor.role, method) {
        case (.voter, .internet):
            guard actor.id == voter else { throw Refusal(.notAllowed, "a voter casts only their own ballot") }
        case (.official, .paper):
            try scope(actor, pool)
        default:
            throw Refusal(.notAllowed, "a \(actor.role.rawValue) may not cast a \(method.rawValue) ballot")
        }
        guard state.voters.contains(voter) else { throw Refusal(.notRegistered, "voter \(voter) is not registered") }
        guard state.ballotPools[ballot] == nil else { throw Refusal(.duplicateID, "ballot \(ballot) already exists") }
        let config = poolState.config
        if method == .paper, poolState.liveBallots[voter, default: 0] > 0 {
            throw Refusal(.alreadyVoted, "voter \(voter) already voted in pool \(pool), online or on another card")
        }
        if !config.allowsRevoting, poolState.liveBallots[voter, default: 0] > 0 {
            throw Refusal(.alreadyVoted, "voter \(voter) already voted in pool \(pool)")
        }
        var seen = Set<ProposalID>()
        var total = Money.zero
        for id in projects {
            guard let proposal = state.proposals[id], proposal.pool == pool,
                proposal.isAdmitted(supportListSize: config.supportListSize)
            else { throw Refusal(.unknownProject, "\(id) is not on the ballot of pool \(pool)") }
            guard seen.insert(id).inserted else { throw Refusal(.duplicateProject, "the ballot names \(id) twice") }
            total += proposal.reviewedCost ?? proposal.costEstimate
        }
        let limits = config.limits
        let length = projects.count
        if config.voteType == .chooseOne, length != 1 {
            throw Refusal(length > 1 ? .ballotTooLong : .ballotTooShort, "a choose-1 ballot names exactly one project, not \(length)")
        }
        if length == 0 { throw Refusal(.ballotTooShort, "the ballot names no project") }
        if let maximum = limits.maxLength, length > maximum {
            throw Refusal(.ballotTooLong, "the ballot names \(length) projects, more than \(maximum)")
        }
        if let minimum = limits.minLength, length < minimum {
            throw Refusal(.ballotTooShort, "the ballot names \(length) projects, fewer than \(minimum)")
        }
        if let maximum = limits.maxSumCost, total > maximum {
            throw Refusal(.overMaxSumCost, "the ballot's projects cost \(total), more than \(maximum)")
        }
        if let minimum = limits.minSumCost, total < minimum {
            throw Refusal(.underMinSumCost, "the ballot's projects cost \(total), less than \(minimum)")
        }
        switch config.voteType {
        case .cumulative, .scoring:
            guard points.count == length else {
                throw Refusal(.malformedBallot, "the ballot gives points to \(points.count) of its \(length) projects")
            }
            for value in points {
                if let minimum = limits.minPoints, value < minimum {
                    throw Refusal(.pointsOutOfRange, "\(value) points, fewer than \(minimum)")
                }
                if let maximum = limits.maxPoints, value > maximum {
                    throw Refusal(.pointsOutOfRange, "\(value) points, more than \(maximum)")
                }
                if value < 0 { throw Refusal(.pointsOutOfRange, "negative points (\(value))") }
            }
            let sum = points.reduce(0, +)
            if let maximum = limits.maxSumPoints, sum > maximum {
                throw Refusal(.overMaxSumPoints, "\(sum) points in all, more than \(maximum)")
            }
            if let minimum = limits.minSumPoints, sum < minimum {
                throw Refusal(.underMinSumPoints, "\(sum) points in all, fewer than \(minimum)")
            }
        case .approval, .chooseOne, .ordinal:
            guard points.isEmpty else {
                throw Refusal(.malformedBallot, "\(config.voteType.rawValue) ballots take no points")
            }
        }
        return .ballotCast(ballot: ballot, voter: voter, pool: pool, projects: projects, points: points, method: method)
    }

    private static func validate(_ pool: PoolConfig) throws(Refusal) {
        guard !pool.id.isEmpty else { throw Refusal(.invalidValue, "a pool needs an id") }
        guard pool.budget > .zero else { throw Refusal(.invalidValue, "pool \(pool.id): the budget must be positive") }
        guard pool.supportListSize >= 0 else { throw Refusal(.invalidValue, "pool \(pool.id): negative support-list size") }
        guard TieBreaking(name: pool.tieBreaking) != nil else {
            throw Refusal(.invalidValue, "pool \(pool.id): unknown tie-breaking \(pool.tieBreaking)")
        }
        // A rule pabulib names but Wiec cannot apply (`greedy-custom`, `unknown`) is accepted, so that
        // past editions can be recorded as they were; publishing such a pool is refused with `tally_failed`.
        do {
            _ = try Rule(pabulibName: pool.rule)
        } catch .unknownRule(let name) {
            throw Refusal(.invalidValue, "pool \(pool.id): unknown rule \(name)")
        } catch {}
    }

    static func require(_ actor: Actor, _ roles: Set<Role>, edition wholeEdition: Bool) throws(Refusal) {
        guard roles.contains(actor.role) else {
            throw Refusal(.notAllowed, "a \(actor.role.rawValue) may not do this (allowed: \(roles.map(\.rawValue).sorted().joined(separator: ", ")))")
        }
        if wholeEdition, actor.scope != .edition {
            throw Refusal(.notInScope, "this needs a scope over the whole edition")
        }
    }

    private static func scope(_ actor: Actor, _ pool: PoolID) throws(Refusal) {
        guard actor.covers(pool) else { throw Refusal(.notInScope, "\(actor.role.rawValue) \(actor.id) has no scope over pool \(pool)") }
    }

    static func phase(_ state: EditionState, _ phases: [Phase], _ what: String) throws(Refusal) {
        guard phases.contains(state.phase) else {
            throw Refusal(.phaseClosed, "\(what) in \(phases.map(\.rawValue).joined(separator: " or ")), and the edition is in \(state.phase.rawValue)")
        }
    }

    private static func proposal(_ state: EditionState, _ id: ProposalID) throws(Refusal) -> Proposal {
        guard let proposal = state.proposals[id] else { throw Refusal(.unknownProposal, "no proposal \(id)") }
        return proposal
    }
}

extension Command {
    /// Whether the command belongs to a village fund edition.
    var isVillageFund: Bool {
        if case .villageFund = self { return true }
        return false
    }
}
