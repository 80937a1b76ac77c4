/// A tally rule, named as in pabulib's `rule` field.
public enum Rule: String, Sendable, Hashable, CaseIterable {
    /// By score, skipping projects that no longer fit.
    case greedy
    /// By score, stopping at the first project that does not fit.
    case greedyNoSkip = "greedy-no-skip"
    /// By score among projects reaching `min_project_score_threshold`, skipping what does not fit.
    case greedyThreshold = "greedy-threshold"
    /// By score, skipping what does not fit and what its exclusion group no longer allows
    /// (Warsaw); the election must state its groups.
    case greedyExclusive = "greedy-exclusive"
    /// The Method of Equal Shares.
    case equalShares = "equalshares"
    /// The Method of Equal Shares with the per-voter budget raised one currency unit at a time
    /// while the outcome still fits the budget.
    case equalSharesAdd1 = "equalshares/add1"
    /// `equalshares`, then compared with the greedy outcome: whichever more voters prefer wins.
    case equalSharesComparison = "equalshares-comparison"
    /// `equalshares/add1`, then compared with the greedy outcome (Wieliczka).
    case equalSharesAdd1Comparison = "equalshares/add1-comparison"
    /// Sequential Phragmén, for approval ballots.
    case phragmen

    /// Parses a rule name; names pabulib uses for rules that Wiec cannot apply as written
    /// (`greedy-custom`, `unknown`) throw ``TallyError`` with the reason.
    public init(pabulibName name: String) throws(TallyError) {
        if let rule = Rule(rawValue: name) {
            self = rule
            return
        }
        switch name {
        case "greedy-custom":
            throw .ruleNotApplicable(name, reason: "the city applied a local greedy variant that the file does not describe")
        case "unknown", "":
            throw .ruleNotApplicable(name, reason: "the file does not say which rule decided the vote")
        default:
            throw .unknownRule(name)
        }
    }
}

/// Choices a rule takes besides the election itself.
public struct TallyOptions: Sendable, Hashable {
    /// How ties are broken; named in the result.
    public var tieBreaking: TieBreaking
    /// Scores to rank by instead of those computed from the ballots, indexed like the
    /// election's projects: a city's official counts, when a check must follow what the city
    /// counted. Greedy rules only.
    public var officialScores: [Int64]?
    /// How the Method of Equal Shares measures utility on approval ballots.
    public var utility: EqualSharesUtility
    /// What fills the budget an Equal Shares outcome leaves.
    public var completion: EqualSharesCompletion
    /// Which stopping condition `equalshares/add1` follows.
    public var increment: EqualSharesIncrement
    /// The top-up of `greedy-no-skip` (Poznań's 80% rule), if any; see ``RuleSpec``.
    public var topUp: TopUp?
    /// Whether proportional rules record their rounds (ρ, payments, loads) in the steps; the
    /// outcome is the same either way.
    public var explainRounds: Bool

    public init(
        tieBreaking: TieBreaking = .fileOrder, officialScores: [Int64]? = nil,
        utility: EqualSharesUtility = .cost, completion: EqualSharesCompletion = .none,
        increment: EqualSharesIncrement = .official, explainRounds: Bool = true, topUp: TopUp? = nil
    ) {
        self.topUp = topUp
        self.tieBreaking = tieBreaking
        self.officialScores = officialScores
        self.utility = utility
        self.completion = completion
        self.increment = increment
        self.explainRounds = explainRounds
    }
}

/// Why a tally could not be computed.
public enum TallyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The rule exists in pabulib but cannot be applied from what the file states.
    case ruleNotApplicable(String, reason: String)
    /// The name is not a rule at all.
    case unknownRule(String)
    /// The rule needs ballots of another kind.
    case voteTypeNotSupported(rule: String, voteType: VoteType)
    /// Exact arithmetic would exceed its range; the count stops rather than go wrong.
    case arithmeticOverflow(String)

    public var description: String {
        switch self {
        case .ruleNotApplicable(let name, let reason): "rule not applicable: \(name): \(reason)"
        case .unknownRule(let name): "unknown rule: \(name) (known: \(Rule.allCases.map(\.rawValue).joined(separator: ", ")))"
        case .voteTypeNotSupported(let rule, let voteType): "rule \(rule) does not apply to \(voteType.rawValue) ballots"
        case .arithmeticOverflow(let what): "exact arithmetic overflow in \(what)"
        }
    }
}

/// Applies tally rules to elections.
public enum Tally {
    /// Counts an election by a rule.
    ///
    /// A stated `min_project_score_threshold` applies whatever the rule: greedy rules pass over
    /// the projects under it, proportional rules count without them. Exclusion groups apply
    /// to greedy rules only.
    ///
    /// - Throws: ``TallyError`` when the rule cannot be applied to this election.
    public static func run(_ election: Election, rule: Rule, options: TallyOptions = TallyOptions()) throws(TallyError) -> TallyResult {
        _ = try RuleSpec(rule: rule, topUp: options.topUp)
        let threshold = election.minProjectScoreThreshold
        switch rule {
        case .greedy:
            return Greedy.run(election, misfit: .skip, threshold: threshold, options: options, rule: rule)
        case .greedyNoSkip:
            return Greedy.run(election, misfit: .stop(topUp: options.topUp), threshold: threshold, options: options, rule: rule)
        case .greedyThreshold:
            return Greedy.run(election, misfit: .skip, threshold: threshold ?? 0, options: options, rule: rule)
        case .greedyExclusive:
            guard !election.exclusionGroups.isEmpty else {
                throw .ruleNotApplicable(rule.rawValue, reason: "the mutually exclusive projects are not stated (published files give them only in prose)")
            }
            return Greedy.run(election, misfit: .skip, threshold: threshold, options: options, rule: rule)
        case .equalShares, .equalSharesAdd1, .equalSharesComparison, .equalSharesAdd1Comparison, .phragmen:
            guard election.exclusionGroups.isEmpty else {
                throw .ruleNotApplicable(rule.rawValue, reason: "exclusion groups apply to greedy rules only")
            }
            return try proportional(election, threshold: threshold) { (election) throws(TallyError) in
                try rule == .phragmen ? Phragmen.run(election, options: options) : EqualShares.run(election, rule: rule, options: options)
            }
        }
    }

    /// Counts an election by a rule with its top-up, if any.
    ///
    /// - Throws: ``TallyError`` when the rule cannot be applied to this election.
    public static func run(_ election: Election, spec: RuleSpec, options: TallyOptions = TallyOptions()) throws(TallyError) -> TallyResult {
        var options = options
        options.topUp = spec.topUp
        return try run(election, rule: spec.rule, options: options)
    }

    /// A proportional count among the projects that reach the threshold: the others take no
    /// part, as if withdrawn, and are reported below the threshold.
    private static func proportional(
        _ election: Election, threshold: Int64?, count: (Election) throws(TallyError) -> TallyResult
    ) throws(TallyError) -> TallyResult {
        guard let threshold else { return try count(election) }
        let scores = election.scores()
        var eligible = election
        let below = election.projects.indices.filter { !election.projects[$0].isWithdrawn && scores[$0] < threshold }
        for project in below { eligible.projects[project].isWithdrawn = true }
        var result = try count(eligible)
        for project in below { result.statuses[project] = .belowThreshold }
        return result
    }
}
