/// The machine-readable reasons a command is refused, stable across versions.
public enum RefusalReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// The edition does not exist yet.
    case unknownEdition = "unknown_edition"
    /// The edition already exists.
    case editionExists = "edition_exists"
    /// The command is not accepted in the edition's current phase.
    case phaseClosed = "phase_closed"
    /// The actor's role may not issue this command.
    case notAllowed = "not_allowed"
    /// The actor's scope does not cover the pool concerned.
    case notInScope = "not_in_scope"
    /// A phase change that skips or goes back.
    case invalidTransition = "invalid_transition"
    /// An id that is already taken.
    case duplicateID = "duplicate_id"
    /// A value out of its range (a negative budget, an unknown rule, ...).
    case invalidValue = "invalid_value"
    case unknownPool = "unknown_pool"
    case unknownProposal = "unknown_proposal"
    case unknownWorkshop = "unknown_workshop"
    case unknownInitiative = "unknown_initiative"
    case unknownAppeal = "unknown_appeal"
    case unknownBallot = "unknown_ballot"
    case unknownVotingPoint = "unknown_voting_point"
    /// Only the submitter may do this.
    case notSubmitter = "not_submitter"
    case alreadySigned = "already_signed"
    case alreadyReviewed = "already_reviewed"
    /// A change of a proposal whose review has begun, in an edition that refuses such changes.
    case reviewStarted = "review_started"
    /// A stage reviewed before the previous one was positive.
    case stageOutOfOrder = "stage_out_of_order"
    /// A positive cost review without a reviewed cost.
    case missingReviewedCost = "missing_reviewed_cost"
    /// An appeal against a stage that was not negative.
    case nothingToAppeal = "nothing_to_appeal"
    case alreadyDecided = "already_decided"
    case alreadyRegistered = "already_registered"
    /// A person younger than the edition's minimum voter age on the day they register.
    case tooYoung = "too_young"
    /// A PESEL that is not valid: a wrong check digit, a day that does not exist, a birth date
    /// in the future.
    case invalidPesel = "invalid_pesel"
    case notRegistered = "not_registered"
    /// A ballot names a project that is not on the pool's ballot.
    case unknownProject = "unknown_project"
    /// A ballot names a project twice.
    case duplicateProject = "duplicate_project"
    case ballotTooLong = "ballot_too_long"
    case ballotTooShort = "ballot_too_short"
    case overMaxSumCost = "over_max_sum_cost"
    case underMinSumCost = "under_min_sum_cost"
    case pointsOutOfRange = "points_out_of_range"
    case overMaxSumPoints = "over_max_sum_points"
    case underMinSumPoints = "under_min_sum_points"
    /// Points missing, extra, or given on a ballot that takes none.
    case malformedBallot = "malformed_ballot"
    /// The voter already has a ballot in this pool and the pool does not allow re-voting.
    case alreadyVoted = "already_voted"
    case alreadyVoided = "already_voided"
    case alreadyWithdrawn = "already_withdrawn"
    /// A pool's result could not be computed by its rule.
    case tallyFailed = "tally_failed"
    /// An idempotency key reused with a different command.
    case idempotencyConflict = "idempotency_conflict"
    /// A command of one edition kind sent to an edition of another (a ballot to a village fund).
    case wrongEditionKind = "wrong_edition_kind"
    /// An act dated past the statutory deadline that the edition's rules hold.
    case deadlinePassed = "deadline_passed"
    /// A step taken before the one it follows (an application before its assembly).
    case outOfOrder = "out_of_order"
    /// A village fund whose council has not resolved to separate it.
    case fundNotSeparated = "fund_not_separated"
    /// An application whose projects cost more than the sołectwo's amount.
    case overFundAmount = "over_fund_amount"
    /// A village assembly called by fewer residents than the Act requires.
    case tooFewInitiators = "too_few_initiators"
    /// An application naming a project the village assembly did not adopt.
    case notAdopted = "not_adopted"
    case unknownSolectwo = "unknown_solectwo"
    case unknownAssembly = "unknown_assembly"
    case unknownApplication = "unknown_application"
    case unknownCriterion = "unknown_criterion"
    /// Local initiative criteria without one on the residents' contribution.
    case missingContributionCriterion = "missing_contribution_criterion"
    /// An official scoring the same application on the same criterion twice.
    case alreadyScored = "already_scored"
}
