public import WiecTally

/// The stages of a proposal's review (weryfikacja), in the order they happen.
public enum ReviewStage: String, Sendable, Hashable, Codable, CaseIterable {
    /// Formal review: the form is complete and the support list collected.
    case formal
    /// Merit review: legal, ownership and feasibility.
    case merit
    /// Cost review: the cost the tally will use.
    case cost
}

/// The outcome of a review stage.
public enum ReviewOutcome: String, Sendable, Hashable, Codable {
    case positive
    case negative
}

/// How a ballot reached the count, named as in pabulib's `voting_method`.
public enum VotingMethod: String, Sendable, Hashable, Codable {
    /// Cast online by the voter.
    case internet
    /// Written on paper and entered by an official.
    case paper
}

/// A thematic workshop (warsztat tematyczny).
public struct Workshop: Sendable, Hashable, Codable {
    public var id: WorkshopID
    public var theme: String
    /// The day it took place, `YYYY-MM-DD`.
    public var date: String
    public var place: String
    /// The facilitator's opaque id or public name as an official.
    public var facilitator: String
    public var participants: Int

    /// Creates a workshop record.
    public init(id: WorkshopID, theme: String, date: String, place: String, facilitator: String, participants: Int) {
        self.id = id
        self.theme = theme
        self.date = date
        self.place = place
        self.facilitator = facilitator
        self.participants = participants
    }
}

/// A resident initiative (inicjatywa mieszkańców), possibly written at a workshop.
public struct Initiative: Sendable, Hashable {
    public var id: InitiativeID
    public var workshop: WorkshopID?
    public var title: String
    public var description: String
    /// The submitter's opaque id.
    public var submitter: String
    /// The proposals that grew out of it.
    public var proposals: [ProposalID]
}

/// One review stage's decision.
public struct Review: Sendable, Hashable {
    public var outcome: ReviewOutcome
    public var justification: String
    /// The cost the tally uses (cost stage only).
    public var reviewedCost: Money?
    /// The reviewer's opaque id.
    public var reviewer: String
}

/// An appeal (odwołanie) against a negative review stage.
public struct Appeal: Sendable, Hashable {
    public var id: AppealID
    public var proposal: ProposalID
    public var stage: ReviewStage
    public var grounds: String
    /// `nil` until decided; `true` when upheld (the stage then counts as positive).
    public var upheld: Bool?
    public var justification: String?
    /// A cost set by the decision of an upheld cost appeal.
    public var reviewedCost: Money?
}

/// A proposal (projekt, wniosek) with everything that happened to it.
public struct Proposal: Sendable, Hashable {
    public var id: ProposalID
    public var pool: PoolID
    public var title: String
    public var description: String
    public var category: String?
    public var location: String?
    /// The submitter's estimate.
    public var costEstimate: Money
    public var initiative: InitiativeID?
    /// The submitter's opaque id.
    public var submitter: String
    /// Opaque ids of the residents who signed its support list.
    public var supporters: Set<String>
    /// The review of each stage done so far.
    public var reviews: [ReviewStage: Review]
    /// Upheld appeals by stage.
    public var upheldAppeals: [ReviewStage: Appeal]
    /// Why it was withdrawn after the vote, if it was.
    public var withdrawal: String?

    /// The outcome of a stage after appeals: an upheld appeal turns a negative review positive.
    public func outcome(of stage: ReviewStage) -> ReviewOutcome? {
        if upheldAppeals[stage] != nil { return .positive }
        return reviews[stage]?.outcome
    }

    /// The cost the tally uses: an upheld cost appeal's cost, else the cost review's.
    public var reviewedCost: Money? {
        upheldAppeals[.cost]?.reviewedCost ?? reviews[.cost]?.reviewedCost
    }

    /// Whether it goes on the ballot: every stage positive and the support list complete.
    public func isAdmitted(supportListSize: Int) -> Bool {
        ReviewStage.allCases.allSatisfy { outcome(of: $0) == .positive } && reviewedCost != nil
            && supporters.count >= supportListSize
    }
}

/// One ballot as cast.
public struct CastBallot: Sendable, Hashable {
    public var id: BallotID
    public var voter: VoterID
    /// The proposals in the order written (preference order on ordinal ballots).
    public var projects: [ProposalID]
    /// Points parallel to ``projects`` on cumulative and scoring ballots.
    public var points: [Int64]
    public var method: VotingMethod
    /// Why it was voided, if it was.
    public var voided: String?
}

/// What a pool's published result says.
public struct PublishedResult: Sendable, Hashable, Codable {
    public var rule: String
    public var tieBreaking: String
    /// Funded proposals in the order the rule selected them.
    public var selected: [ProposalID]
    /// Each admitted project's score, in the pool's order.
    public var scores: [Int64]
    public var spent: Money

    /// Creates a result.
    public init(rule: String, tieBreaking: String, selected: [ProposalID], scores: [Int64], spent: Money) {
        self.rule = rule
        self.tieBreaking = tieBreaking
        self.selected = selected
        self.scores = scores
        self.spent = spent
    }
}
