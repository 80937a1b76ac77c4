public import HashTreeCollections
public import WiecTally

/// A proposal (projekt, wniosek) with everything that happened to it.
public struct Proposal: Sendable, Hashable {
    /// The proposal's id.
    public var id: ProposalID
    /// The pool it competes in.
    public var pool: PoolID
    /// Its title, as amended.
    public var title: String
    /// Its description, as amended.
    public var description: String
    /// A category such as `zieleń` or `sport`.
    public var category: String?
    /// Where it would be built or held.
    public var location: String?
    /// The submitter's estimate.
    public var costEstimate: Money
    /// The initiative it grew out of, if any.
    public var initiative: InitiativeID?
    /// The submitter's opaque id.
    public var submitter: String
    /// Opaque ids of the residents who signed its support list.
    public var supporters: TreeSet<String>
    /// The review of each stage done so far.
    public var reviews: [ReviewStage: Review]
    /// Upheld appeals by stage.
    public var upheldAppeals: [ReviewStage: Appeal]
    /// Why it was withdrawn after the vote, if it was.
    public var withdrawal: String?
    /// The submitter's changes, in order.
    public var amendments: [ProposalAmendment] = []

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
