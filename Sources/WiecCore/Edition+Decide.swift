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
        case .setAmendmentPolicy(let policy):
            try require(actor, [.official], edition: true)
            try phase(state, [.draft, .submission], "the amendment policy is set")
            return [.amendmentPolicySet(policy: policy)]
        case .setTimetable(let timetable):
            try require(actor, [.official], edition: true)
            try phase(state, [.draft, .submission, .review, .appeals, .voting], "the timetable is announced")
            if let problem = timetable.problem { throw Refusal(.invalidValue, "timetable: \(problem)") }
            return [.timetableSet(timetable: timetable)]
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
            try Bounds.number(workshop.participants, 0...Bounds.maxCount, "workshop \(workshop.id): the participant count")
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
            try Bounds.positive(cost, "proposal \(id): the cost estimate")
            return [.proposalSubmitted(
                id: id, pool: pool, title: title, description: description, category: category, location: location,
                costEstimate: cost, initiative: initiative, submitter: actor.id)]
        case .amendProposal(let id, let title, let description, let cost):
            let proposal = try proposal(state, id)
            try phase(state, [.submission, .review], "proposals are amended")
            guard proposal.submitter == actor.id, actor.role == .resident || actor.role == .official else {
                throw Refusal(.notSubmitter, "only the submitter of \(id) may amend it")
            }
            if let cost { try Bounds.positive(cost, "proposal \(id): the cost estimate") }
            let amended = Event.proposalAmended(proposal: id, title: title, description: description, costEstimate: cost)
            guard !proposal.reviews.isEmpty else { return [amended] }
            switch state.amendmentPolicy {
            case .refuse:
                throw Refusal(.reviewStarted, "the review of \(id) has begun, and edition \(state.id) refuses changes after it")
            case .reviewAgain:
                return [amended, .reviewReopened(proposal: id)]
            }
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
            if let cost { try Bounds.positive(cost, "\(id): the reviewed cost") }
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
            if let cost { try Bounds.positive(cost, "appeal \(id): the reviewed cost") }
            return [.appealDecided(appeal: id, upheld: upheld, justification: justification, reviewedCost: upheld ? cost : nil)]
        case .registerResident(let resident):
            try require(actor, [.official], edition: false)
            guard state.phase < .closed else { throw Refusal(.phaseClosed, "residents are registered before the vote closes") }
            guard !state.residents.contains(resident) else { throw Refusal(.alreadyRegistered, "resident \(resident) is already registered") }
            guard !resident.isEmpty else { throw Refusal(.invalidValue, "a resident id cannot be empty") }
            return [.residentRegistered(resident: resident)]
        case .registerVoter(let voter):
            try require(actor, [.official], edition: false)
            guard state.phase < .closed else { throw Refusal(.phaseClosed, "voters are registered before the vote closes") }
            guard !state.voters.contains(voter) else { throw Refusal(.alreadyRegistered, "voter \(voter) is already registered") }
            guard !voter.isEmpty else { throw Refusal(.invalidValue, "a voter id cannot be empty") }
            return [.voterRegistered(voter: voter)]
        case .castBallot(let ballot, let voter, let pool, let projects, let points, let method):
            return [try castBallot(
                state, actor, ballot: ballot, voter: voter, pool: pool, projects: projects, points: points, method: method,
                isRegistered: state.voters.contains(voter))]
        case .recordPublishedBallot(let ballot, let voter, let pool, let projects, let points, let method, let breaks):
            return try recordPublishedBallot(
                state, actor, ballot: ballot, voter: voter, pool: pool, projects: projects, points: points, method: method,
                breaks: breaks)
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

    /// Decides the first ballot of a voting pseudonym that the log does not hold yet: the
    /// pseudonym's registration by `registrar`, then the ballot, decided together so that a
    /// refused ballot registers nothing. A store calls this only for a pseudonym it issued to a
    /// registered resident.
    ///
    /// - Parameters:
    ///   - state: The edition as it is now.
    ///   - command: A `castBallot`.
    ///   - actor: Who casts it (the voter online, an official on paper).
    ///   - registrar: The official the pseudonym's registration is recorded by.
    ///   - time: The time of recording.
    /// - Returns: The `voter_registered` event, to be appended by `registrar`, then the
    ///   `ballot_cast` event, by `actor`.
    /// - Throws: ``Refusal`` when either is refused; nothing is to be appended then.
    public static func decideFirstBallot(
        _ state: EditionState, _ command: Command, by actor: Actor, registeredBy registrar: Actor, at time: Date
    ) throws(Refusal) -> (registration: Event, ballot: Event) {
        guard case .castBallot(let ballot, let voter, let pool, let projects, let points, let method) = command else {
            throw Refusal(.invalidValue, "only a ballot registers its voting pseudonym")
        }
        let registration = try decide(state, .registerVoter(voter: voter), by: registrar, at: time)
        return (registration[0], try castBallot(
            state, actor, ballot: ballot, voter: voter, pool: pool, projects: projects, points: points, method: method,
            isRegistered: true))
    }

    /// The checks of a ballot against the phase, the voter, the actor and the pool's rules.
    private static func castBallot(
        _ state: EditionState, _ actor: Actor, ballot: BallotID, voter: VoterID, pool: PoolID,
        projects: [ProposalID], points: [Int64], method: VotingMethod, isRegistered: Bool
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
        guard isRegistered else { throw Refusal(.notRegistered, "voter \(voter) is not registered") }
        guard state.ballotPools[ballot] == nil else { throw Refusal(.duplicateID, "ballot \(ballot) already exists") }
        let config = poolState.config
        if !config.allowsRevoting, poolState.liveBallots[voter, default: 0] > 0 {
            throw Refusal(.alreadyVoted, "voter \(voter) already voted in pool \(pool)")
        }
        var seen = Set<ProposalID>()
        var costs: [Money] = []
        for id in projects {
            guard let proposal = state.proposals[id], proposal.pool == pool,
                proposal.isAdmitted(supportListSize: config.supportListSize)
            else { throw Refusal(.unknownProject, "\(id) is not on the ballot of pool \(pool)") }
            guard seen.insert(id).inserted else { throw Refusal(.duplicateProject, "the ballot names \(id) twice") }
            costs.append(proposal.reviewedCost ?? proposal.costEstimate)
        }
        guard let total = Bounds.sum(costs) else {
            throw Refusal(.overMaxSumCost, "the ballot's projects cost more than can be counted")
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
                guard (0...Bounds.maxPoints).contains(value) else {
                    throw Refusal(.pointsOutOfRange, "\(value) points; a project gets 0 to \(Bounds.maxPoints)")
                }
                if let minimum = limits.minPoints, value < minimum {
                    throw Refusal(.pointsOutOfRange, "\(value) points, fewer than \(minimum)")
                }
                if let maximum = limits.maxPoints, value > maximum {
                    throw Refusal(.pointsOutOfRange, "\(value) points, more than \(maximum)")
                }
            }
            guard let sum = Bounds.sum(points) else {
                throw Refusal(.overMaxSumPoints, "the ballot's points add up to more than can be counted")
            }
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
        try Bounds.positive(pool.budget, "pool \(pool.id): the budget")
        try Bounds.number(pool.supportListSize, 0...Bounds.maxCount, "pool \(pool.id): the support-list size")
        try Bounds.number(pool.minProjectScoreThreshold, 0...Bounds.maxScore, "pool \(pool.id): the score threshold")
        let limits = pool.limits
        try Bounds.number(limits.minLength, 0...Bounds.maxCount, "pool \(pool.id): min_length")
        try Bounds.number(limits.maxLength, 1...Bounds.maxCount, "pool \(pool.id): max_length")
        try Bounds.ordered(limits.minLength, limits.maxLength, "ballot length of pool \(pool.id)")
        try Bounds.amount(limits.minSumCost, "pool \(pool.id): min_sum_cost")
        try Bounds.amount(limits.maxSumCost, "pool \(pool.id): max_sum_cost")
        try Bounds.ordered(limits.minSumCost, limits.maxSumCost, "cost of a ballot of pool \(pool.id)")
        for (value, name) in [(limits.minPoints, "min_points"), (limits.maxPoints, "max_points"),
                              (limits.minSumPoints, "min_sum_points"), (limits.maxSumPoints, "max_sum_points")] {
            try Bounds.number(value, 0...Bounds.maxPoints, "pool \(pool.id): \(name)")
        }
        try Bounds.ordered(limits.minPoints, limits.maxPoints, "points per project of pool \(pool.id)")
        try Bounds.ordered(limits.minSumPoints, limits.maxSumPoints, "points per ballot of pool \(pool.id)")
        guard TieBreaking(name: pool.tieBreaking) != nil else {
            throw Refusal(.invalidValue, "pool \(pool.id): unknown tie-breaking \(pool.tieBreaking)")
        }
        // A rule pabulib names but Wiec cannot apply (`greedy-custom`, `unknown`) is accepted, so that
        // past editions can be recorded as they were; publishing such a pool is refused with `tally_failed`.
        do {
            _ = try RuleSpec(name: pool.rule)
        } catch .unknownRule(let name) {
            throw Refusal(.invalidValue, "pool \(pool.id): unknown rule \(name)")
        } catch {}
        if pool.exclusionGroups.count > Bounds.maxExclusionGroups {
            throw Refusal(.invalidValue, "pool \(pool.id): at most \(Bounds.maxExclusionGroups) exclusion groups, not \(pool.exclusionGroups.count)")
        }
        if let problem = pool.exclusionGroups.lazy.compactMap(\.problem).first {
            throw Refusal(.invalidValue, "pool \(pool.id): \(problem)")
        }
    }

    static func require(_ actor: Actor, _ roles: Set<Role>, edition wholeEdition: Bool) throws(Refusal) {
        guard roles.contains(actor.role) else {
            throw Refusal(.notAllowed, "a \(actor.role.rawValue) may not do this (allowed: \(roles.map(\.rawValue).sorted().joined(separator: ", ")))")
        }
        if wholeEdition, actor.scope != .edition {
            throw Refusal(.notInScope, "this needs a scope over the whole edition")
        }
    }

    static func scope(_ actor: Actor, _ pool: PoolID) throws(Refusal) {
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
