public import WiecTally

/// One change of a proposal by its submitter, as its history shows it.
public struct ProposalAmendment: Sendable, Hashable {
    /// The new title, if the change set one.
    public var title: String?
    /// The new description, if the change set one.
    public var description: String?
    /// The new cost estimate, if the change set one.
    public var costEstimate: Money?
    /// The reviews the change set aside, sending the proposal back to review; empty when it
    /// came before any review.
    public var setAsideReviews: [ReviewStage: Review]
}
