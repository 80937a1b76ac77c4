public import WiecTally

/// An appeal (odwołanie) against a negative review stage.
public struct Appeal: Sendable, Hashable {
    /// The appeal's id.
    public var id: AppealID
    /// The proposal whose review is appealed.
    public var proposal: ProposalID
    /// The review stage appealed against.
    public var stage: ReviewStage
    /// The submitter's grounds.
    public var grounds: String
    /// `nil` until decided; `true` when upheld (the stage then counts as positive).
    public var upheld: Bool?
    /// The appeals team's written justification, once decided.
    public var justification: String?
    /// A cost set by the decision of an upheld cost appeal.
    public var reviewedCost: Money?
}
