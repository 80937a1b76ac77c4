public import WiecTally

/// A fact in an edition's log. Its coding key is the entry's `type` and its fields the entry's
/// `body`; no event ever holds a PESEL, a name or contact details.
public enum Event: Sendable, Hashable, Codable {
    case editionCreated(name: String)
    case voterAgeLimitSet(minimumAge: Int?)
    case amendmentPolicySet(policy: AmendmentPolicy)
    case poolAdded(pool: PoolConfig)
    case phaseChanged(from: Phase, to: Phase)
    case workshopRecorded(workshop: Workshop)
    case initiativeSubmitted(id: InitiativeID, workshop: WorkshopID?, title: String, description: String, submitter: String)
    case proposalSubmitted(
        id: ProposalID, pool: PoolID, title: String, description: String, category: String?, location: String?,
        costEstimate: Money, initiative: InitiativeID?, submitter: String)
    case proposalAmended(proposal: ProposalID, title: String?, description: String?, costEstimate: Money?)
    /// A change after the review began set the proposal's reviews aside: it is reviewed again.
    case reviewReopened(proposal: ProposalID)
    case supportSigned(proposal: ProposalID, signer: String)
    case proposalReviewed(
        proposal: ProposalID, stage: ReviewStage, outcome: ReviewOutcome, justification: String,
        reviewedCost: Money?, reviewer: String)
    case appealFiled(appeal: AppealID, proposal: ProposalID, stage: ReviewStage, grounds: String)
    case appealDecided(appeal: AppealID, upheld: Bool, justification: String, reviewedCost: Money?)
    case residentRegistered(resident: ResidentID)
    case voterRegistered(voter: VoterID)
    case ballotCast(
        ballot: BallotID, voter: VoterID, pool: PoolID, projects: [ProposalID], points: [Int64], method: VotingMethod)
    /// A ballot just cast comes from an already-published election and breaks the pool's
    /// stated rules as `breaks` describes: it was counted as published.
    case publishedBallotRecorded(ballot: BallotID, breaks: [String])
    case ballotVoided(ballot: BallotID, reason: String)
    case projectWithdrawn(proposal: ProposalID, reason: String)
    case resultPublished(pool: PoolID, result: PublishedResult)
    case votingPointAdded(point: VotingPoint)
    case paperBatchEntered(point: VotingPointID, ballots: [BallotID], invalidCards: Int)
    case paperProtocolRecorded(point: VotingPointID, protocol: PaperProtocol)
    /// A village fund's event; the log names the entry by the inner event's type.
    case villageFund(VillageFundEvent)
    /// A local initiative's event; the log names the entry by the inner event's type.
    case localInitiative(LocalInitiativeEvent)

    /// The entry types, as written in the log.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case editionCreated = "edition_created"
        case voterAgeLimitSet = "voter_age_limit_set"
        case amendmentPolicySet = "amendment_policy_set"
        case poolAdded = "pool_added"
        case phaseChanged = "phase_changed"
        case workshopRecorded = "workshop_recorded"
        case initiativeSubmitted = "initiative_submitted"
        case proposalSubmitted = "proposal_submitted"
        case proposalAmended = "proposal_amended"
        case reviewReopened = "review_reopened"
        case supportSigned = "support_signed"
        case proposalReviewed = "proposal_reviewed"
        case appealFiled = "appeal_filed"
        case appealDecided = "appeal_decided"
        case residentRegistered = "resident_registered"
        case voterRegistered = "voter_registered"
        case ballotCast = "ballot_cast"
        case publishedBallotRecorded = "published_ballot_recorded"
        case ballotVoided = "ballot_voided"
        case projectWithdrawn = "project_withdrawn"
        case resultPublished = "result_published"
        case votingPointAdded = "voting_point_added"
        case paperBatchEntered = "paper_batch_entered"
        case paperProtocolRecorded = "paper_protocol_recorded"
        case villageFund = "village_fund"
        case localInitiative = "local_initiative"
    }
}
