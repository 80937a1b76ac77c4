public import WiecTally

/// A pool (pula) of an edition: its budget, ballot rules, tally rule and support-list size.
public struct PoolConfig: Sendable, Hashable {
    /// The pool's id, unique in its edition.
    public var id: PoolID
    /// The name residents read, e.g. "Osiedle Kościuszki".
    public var name: String
    /// The money to spend.
    public var budget: Money
    /// How ballots are filled in.
    public var voteType: VoteType
    /// The limits each ballot must respect.
    public var limits: BallotLimits
    /// The tally rule, named as in pabulib's `rule` field (`greedy`, `equalshares`, ...), or
    /// as ``RuleSpec`` writes it with a top-up (`greedy-no-skip --top-up 80%`).
    public var rule: String
    /// How ties are broken, named as ``TieBreaking/name``.
    public var tieBreaking: String
    /// The least score a project needs under `greedy-threshold`.
    public var minProjectScoreThreshold: Int64?
    /// How many support signatures a proposal needs to be admitted (0: none).
    public var supportListSize: Int
    /// Whether a voter may vote again; the last ballot before close counts.
    public var allowsRevoting: Bool
    /// The ISO 4217 code of the budget's currency (`PLN`).
    public var currency: String
    /// Proposals that cannot all be carried out: greedy rules fund at most so many of each group.
    public var exclusionGroups: [PoolExclusionGroup]

    /// Creates a pool.
    public init(
        id: PoolID, name: String, budget: Money, voteType: VoteType, limits: BallotLimits = BallotLimits(),
        rule: String = "greedy", tieBreaking: String = TieBreaking.fileOrder.name,
        minProjectScoreThreshold: Int64? = nil, supportListSize: Int = 0, allowsRevoting: Bool = false,
        currency: String = "PLN", exclusionGroups: [PoolExclusionGroup] = []
    ) {
        self.exclusionGroups = exclusionGroups
        self.id = id
        self.name = name
        self.budget = budget
        self.voteType = voteType
        self.limits = limits
        self.rule = rule
        self.tieBreaking = tieBreaking
        self.minProjectScoreThreshold = minProjectScoreThreshold
        self.supportListSize = supportListSize
        self.allowsRevoting = allowsRevoting
        self.currency = currency
    }
}

extension PoolConfig: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, name, budget, voteType = "vote_type", rule, tieBreaking = "tie_breaking"
        case minProjectScoreThreshold = "min_project_score_threshold", supportListSize = "support_list_size"
        case allowsRevoting = "allows_revoting", currency, exclusionGroups = "exclusion_groups"
        case minLength = "min_length", maxLength = "max_length", minSumCost = "min_sum_cost", maxSumCost = "max_sum_cost"
        case minPoints = "min_points", maxPoints = "max_points", minSumPoints = "min_sum_points", maxSumPoints = "max_sum_points"
    }

    /// Decodes a pool; the ballot limits are flat keys named as in pabulib's META.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(PoolID.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        budget = try c.decode(Money.self, forKey: .budget)
        voteType = try c.decode(VoteType.self, forKey: .voteType)
        rule = try c.decode(String.self, forKey: .rule)
        tieBreaking = try c.decode(String.self, forKey: .tieBreaking)
        minProjectScoreThreshold = try c.decodeIfPresent(Int64.self, forKey: .minProjectScoreThreshold)
        supportListSize = try c.decode(Int.self, forKey: .supportListSize)
        allowsRevoting = try c.decode(Bool.self, forKey: .allowsRevoting)
        currency = try c.decode(String.self, forKey: .currency)
        exclusionGroups = try c.decodeIfPresent([PoolExclusionGroup].self, forKey: .exclusionGroups) ?? []
        limits = BallotLimits(
            minLength: try c.decodeIfPresent(Int.self, forKey: .minLength),
            maxLength: try c.decodeIfPresent(Int.self, forKey: .maxLength),
            minSumCost: try c.decodeIfPresent(Money.self, forKey: .minSumCost),
            maxSumCost: try c.decodeIfPresent(Money.self, forKey: .maxSumCost),
            minPoints: try c.decodeIfPresent(Int64.self, forKey: .minPoints),
            maxPoints: try c.decodeIfPresent(Int64.self, forKey: .maxPoints),
            minSumPoints: try c.decodeIfPresent(Int64.self, forKey: .minSumPoints),
            maxSumPoints: try c.decodeIfPresent(Int64.self, forKey: .maxSumPoints)
        )
    }

    /// Encodes a pool; absent limits and an empty list of exclusion groups are left out.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(budget, forKey: .budget)
        try c.encode(voteType, forKey: .voteType)
        try c.encode(rule, forKey: .rule)
        try c.encode(tieBreaking, forKey: .tieBreaking)
        try c.encodeIfPresent(minProjectScoreThreshold, forKey: .minProjectScoreThreshold)
        try c.encode(supportListSize, forKey: .supportListSize)
        try c.encode(allowsRevoting, forKey: .allowsRevoting)
        try c.encode(currency, forKey: .currency)
        if !exclusionGroups.isEmpty { try c.encode(exclusionGroups, forKey: .exclusionGroups) }
        try c.encodeIfPresent(limits.minLength, forKey: .minLength)
        try c.encodeIfPresent(limits.maxLength, forKey: .maxLength)
        try c.encodeIfPresent(limits.minSumCost, forKey: .minSumCost)
        try c.encodeIfPresent(limits.maxSumCost, forKey: .maxSumCost)
        try c.encodeIfPresent(limits.minPoints, forKey: .minPoints)
        try c.encodeIfPresent(limits.maxPoints, forKey: .maxPoints)
        try c.encodeIfPresent(limits.minSumPoints, forKey: .minSumPoints)
        try c.encodeIfPresent(limits.maxSumPoints, forKey: .maxSumPoints)
    }
}

/// Proposals of a pool of which at most ``atMost`` may be funded, e.g. three proposals for the
/// same site.
public struct PoolExclusionGroup: Sendable, Hashable, Codable {
    /// The proposals of the group, at least two.
    public var projects: [ProposalID]
    /// How many of them may be funded: at least one, fewer than the group has.
    public var atMost: Int

    public init(projects: [ProposalID], atMost: Int = 1) {
        self.projects = projects
        self.atMost = atMost
    }

    private enum CodingKeys: String, CodingKey {
        case projects, atMost = "at_most"
    }

    /// Why the group cannot be a pool setting, or `nil` when it can.
    var problem: String? {
        let distinct = Set(projects)
        if distinct.count != projects.count { return "an exclusion group names a proposal twice" }
        if projects.count < 2 { return "an exclusion group needs at least two proposals" }
        if projects.count > Bounds.maxExclusionGroupSize {
            return "an exclusion group names at most \(Bounds.maxExclusionGroupSize) proposals, not \(projects.count)"
        }
        if !(1..<projects.count).contains(atMost) {
            return "an exclusion group of \(projects.count) proposals allows 1 to \(projects.count - 1) of them, not \(atMost)"
        }
        return nil
    }
}
