/// What happened to one project in a count.
public enum ProjectStatus: String, Sendable, Hashable, Codable {
    /// Funded.
    case selected
    /// Passed over because its cost exceeded the budget left.
    case skipped
    /// Its score is under the pool's minimum.
    case belowThreshold = "below-threshold"
    /// The count stopped before reaching it.
    case notReached = "not-reached"
    /// Not chosen by a proportional rule.
    case notSelected = "not-selected"
    /// Withdrawn or excluded after the vote.
    case withdrawn
    /// Passed over because its exclusion group already had as many funded projects as it allows.
    case excluded
}

/// One line of a count's explanation, in the order the rule took its decisions.
public enum TallyStep: Sendable, Hashable {
    /// The project was funded; `budgetLeft` is what remained after paying for it.
    case selected(project: Int, score: Int64, cost: Money, budgetLeft: Money)
    /// The project did not fit into `budgetLeft`.
    case skipped(project: Int, score: Int64, cost: Money, budgetLeft: Money)
    /// The project did not fit, but `budgetLeft` covered the top-up's share of its cost: it was
    /// funded, the rest from reserve funds, and the count stopped.
    case toppedUp(project: Int, score: Int64, cost: Money, budgetLeft: Money, topUp: TopUp)
    /// The project was passed over: its exclusion group (an index into the election's
    /// ``Election/exclusionGroups``) already had as many funded projects as it allows.
    case excluded(project: Int, score: Int64, group: Int)
    /// The project's score is under `threshold`.
    case belowThreshold(project: Int, score: Int64, threshold: Int64)
    /// The count had stopped before this project.
    case notReached(project: Int, score: Int64)
    /// The project was withdrawn and passed over.
    case withdrawn(project: Int, score: Int64)
    /// A round of the Method of Equal Shares: the project bought, its ρ and who paid.
    case equalSharesRound(EqualSharesRound)
    /// The per-voter budget of the kept Equal Shares outcome, `increments` currency units above
    /// the first one tried (`equalshares/add1`).
    case equalSharesBudget(perVoter: Rational, increments: Int64)
    /// The comparison step: how many voters have more funded projects they approve under each
    /// outcome, and whether the greedy outcome replaced the Equal Shares one.
    case comparison(prefersEqualShares: Int, prefersGreedy: Int, keptGreedy: Bool)
    /// The greedy completion funded a project from what was left.
    case completedGreedily(project: Int, score: Int64, cost: Money, budgetLeft: Money)
    /// A round of sequential Phragmén: the project bought and the new load of its supporters.
    case phragmenRound(project: Int, load: Rational, supporters: Int)
}

extension TallyStep {
    /// The project a step is about.
    public var project: Int? {
        switch self {
        case .selected(let project, _, _, _), .skipped(let project, _, _, _), .belowThreshold(let project, _, _),
             .toppedUp(let project, _, _, _, _), .excluded(let project, _, _),
             .notReached(let project, _), .withdrawn(let project, _), .completedGreedily(let project, _, _, _),
             .phragmenRound(let project, _, _):
            project
        case .equalSharesRound(let round):
            round.project
        case .equalSharesBudget, .comparison:
            nil
        }
    }
}

/// Projects with equal standing, in the order the tie-breaking rule put them.
public struct Tie: Sendable, Hashable {
    /// The tied projects, winner first.
    public var projects: [Int]
    /// The score they share.
    public var score: Int64
}

/// The outcome of a count, with everything needed to explain it.
public struct TallyResult: Sendable, Hashable {
    /// The rule applied.
    public var rule: Rule
    /// The tie-breaking rule applied.
    public var tieBreaking: TieBreaking
    /// The budget of the pool.
    public var budget: Money
    /// The funded projects, in the order they were selected.
    public var selected: [Int]
    /// Each project's score from the ballots, indexed like the election's projects.
    public var scores: [Int64]
    /// Each project's status, indexed like the election's projects.
    public var statuses: [ProjectStatus]
    /// The decisions in order.
    public var steps: [TallyStep]
    /// Ties that the tie-breaking rule decided.
    public var ties: [Tie]
    /// The money spent on the selected projects; above the budget when a top-up funded one.
    public var spent: Money
    /// The top-up the count applied (`greedy-no-skip --top-up 80%`), if any.
    public var topUp: TopUp? = nil

    /// The budget not spent; negative when a top-up funded a project from reserve funds.
    public var left: Money { budget - spent }

    /// The rule's full name, with its top-up: what every result and explanation shows.
    public var ruleName: String { RuleSpec(checkedRule: rule, topUp: topUp).description }
}
