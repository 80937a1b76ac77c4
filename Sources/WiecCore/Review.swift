public import WiecTally

/// One review stage's decision.
public struct Review: Sendable, Hashable {
    /// Positive or negative.
    public var outcome: ReviewOutcome
    /// The reviewer's written justification.
    public var justification: String
    /// The cost the tally uses (cost stage only).
    public var reviewedCost: Money?
    /// The reviewer's opaque id.
    public var reviewer: String
}
