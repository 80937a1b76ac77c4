public import WiecTally

/// What an actor asks an edition to do. ``Edition/decide(_:_:by:)`` turns it into events or
/// refuses it with a ``Refusal``.
public enum Command: Sendable, Hashable, Codable {
    /// Creates the edition (official, whole edition).
    case createEdition(name: String)
    /// Sets the youngest age, in whole years on the day of registration, at which a person may
    /// register as a voter; `nil` lets anyone register (official, whole edition, `draft` or
    /// `submission`). Voters registered before keep their registration.
    case setVoterAgeLimit(minimumAge: Int?)
    /// Sets what happens to a change of a proposal whose review has begun (official, whole
    /// edition, `draft` or `submission`).
    case setAmendmentPolicy(AmendmentPolicy)
    /// Adds a pool (official, whole edition, in `draft`).
    case addPool(PoolConfig)
    /// Moves to the next phase (official, whole edition). Moving to `published` computes and
    /// publishes every pool's result.
    case advancePhase(to: Phase)
    /// Records a workshop (official, `draft` or `submission`).
    case recordWorkshop(Workshop)
    /// Submits a resident initiative (resident or official, `submission`).
    case submitInitiative(id: InitiativeID, workshop: WorkshopID?, title: String, description: String)
    /// Submits a proposal (resident or official, `submission`); the actor is its submitter.
    case submitProposal(
        id: ProposalID, pool: PoolID, title: String, description: String, category: String?, location: String?,
        costEstimate: Money, initiative: InitiativeID?)
    /// Amends one's own proposal (its submitter, `submission` or `review`); once its review has
    /// begun, the edition's ``AmendmentPolicy`` refuses the change or sends it back to review.
    case amendProposal(proposal: ProposalID, title: String?, description: String?, costEstimate: Money?)
    /// Signs a proposal's support list: a resident for themselves, or an official entering a paper list.
    case signSupport(proposal: ProposalID, signer: String)
    /// Reviews one stage of a proposal (reviewer or official in scope, `review`).
    case reviewProposal(
        proposal: ProposalID, stage: ReviewStage, outcome: ReviewOutcome, justification: String, reviewedCost: Money?)
    /// Appeals a negative review stage (the submitter, `appeals`).
    case fileAppeal(appeal: AppealID, proposal: ProposalID, stage: ReviewStage, grounds: String)
    /// Decides an appeal (appeals team, `appeals`).
    case decideAppeal(appeal: AppealID, upheld: Bool, justification: String, reviewedCost: Money?)
    /// Registers a resident by random id, for their public acts (official, before `closed`).
    case registerResident(resident: ResidentID)
    /// Registers a voting pseudonym (official, before `closed`). A store that registers residents
    /// issues each one a pseudonym and registers it together with its first ballot
    /// (``Edition/decideFirstBallot(_:_:by:registeredBy:at:)``), so that nothing public ties it to
    /// the moment of the resident's registration or acts.
    case registerVoter(voter: VoterID)
    /// Casts a ballot (`voting`): online by the voter, on paper by an official in scope.
    case castBallot(
        ballot: BallotID, voter: VoterID, pool: PoolID, projects: [ProposalID], points: [Int64], method: VotingMethod)
    /// Records a ballot of an already-published election as it was counted, although it breaks
    /// the pool's stated rules, each of which `breaks` describes (official, whole edition,
    /// `voting`): what `wiec import` does with such ballots of a pabulib file. Every other check
    /// of ``castBallot(ballot:voter:pool:projects:points:method:)`` applies.
    case recordPublishedBallot(
        ballot: BallotID, voter: VoterID, pool: PoolID, projects: [ProposalID], points: [Int64], method: VotingMethod,
        breaks: [String])
    /// Voids a ballot with a reason (official in scope, `voting` or `closed`).
    case voidBallot(ballot: BallotID, reason: String)
    /// Withdraws an admitted project after the vote starts (official in scope, `voting` or `closed`).
    case withdrawProject(proposal: ProposalID, reason: String)
    /// Adds a voting point for paper ballots (official, whole edition, before `closed`).
    case addVotingPoint(VotingPoint)
    /// Closes a batch of cards entered from a voting point: the paper ballots just cast from it
    /// and the cards found invalid (official in scope, `voting`, before the point's protocol).
    case enterPaperBatch(point: VotingPointID, ballots: [BallotID], invalidCards: Int)
    /// Records a voting point's protocol; nothing more is entered from it (official, `voting` or `closed`).
    case recordPaperProtocol(point: VotingPointID, cardsReceived: Int, cardsIssued: Int)
    /// A command of a village fund edition (``VillageFund``).
    case villageFund(VillageFundCommand)
    /// A command about the edition's local initiatives (``LocalInitiative``).
    case localInitiative(LocalInitiativeCommand)
}
