public import WiecTally

/// What a pool's published result says.
public struct PublishedResult: Sendable, Hashable, Codable {
    /// The tally rule applied, as pabulib names it.
    public var rule: String
    /// The tie-breaking applied, as ``TieBreaking/name``.
    public var tieBreaking: String
    /// Funded proposals in the order the rule selected them.
    public var selected: [ProposalID]
    /// Each admitted project's score, in the pool's order.
    public var scores: [Int64]
    /// The cost of the selected projects.
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
