import WiecCore
import WiecGateway
import WiecTally

/// A pool as the API shows it and takes it: pabulib's names for the ballot rules.
struct PoolView: Codable, Sendable {
    var id: String
    var name: String
    var budget: Amount
    var voteType: VoteType
    var rule: String
    var tieBreaking: String?
    var minProjectScoreThreshold: Int64?
    var supportListSize: Int?
    var allowsRevoting: Bool?
    var minLength: Int?
    var maxLength: Int?
    var minSumCost: Amount?
    var maxSumCost: Amount?
    var minPoints: Int64?
    var maxPoints: Int64?
    var minSumPoints: Int64?
    var maxSumPoints: Int64?
    var exclusionGroups: [PoolExclusionGroup]?
    var ballots: Int?

    enum CodingKeys: String, CodingKey {
        case id, name, budget, voteType = "vote_type", rule, tieBreaking = "tie_breaking"
        case minProjectScoreThreshold = "min_project_score_threshold", supportListSize = "support_list_size"
        case allowsRevoting = "allows_revoting", minLength = "min_length", maxLength = "max_length"
        case minSumCost = "min_sum_cost", maxSumCost = "max_sum_cost", minPoints = "min_points", maxPoints = "max_points"
        case minSumPoints = "min_sum_points", maxSumPoints = "max_sum_points", exclusionGroups = "exclusion_groups", ballots
    }

    init(_ config: PoolConfig, ballots: Int?) {
        id = config.id
        name = config.name
        budget = Amount(config.budget)
        voteType = config.voteType
        rule = config.rule
        tieBreaking = config.tieBreaking
        minProjectScoreThreshold = config.minProjectScoreThreshold
        supportListSize = config.supportListSize
        allowsRevoting = config.allowsRevoting
        minLength = config.limits.minLength
        maxLength = config.limits.maxLength
        minSumCost = config.limits.minSumCost.map(Amount.init)
        maxSumCost = config.limits.maxSumCost.map(Amount.init)
        minPoints = config.limits.minPoints
        maxPoints = config.limits.maxPoints
        minSumPoints = config.limits.minSumPoints
        maxSumPoints = config.limits.maxSumPoints
        exclusionGroups = config.exclusionGroups.isEmpty ? nil : config.exclusionGroups
        self.ballots = ballots
    }

    /// The core's pool, with the texts checked.
    func config() throws -> PoolConfig {
        PoolConfig(
            id: try TextRules.id(id, "id"), name: try TextRules.line(name, "name"), budget: budget.money, voteType: voteType,
            limits: BallotLimits(
                minLength: minLength, maxLength: maxLength, minSumCost: minSumCost?.money, maxSumCost: maxSumCost?.money,
                minPoints: minPoints, maxPoints: maxPoints, minSumPoints: minSumPoints, maxSumPoints: maxSumPoints),
            rule: try TextRules.line(rule, "rule", max: 40),
            tieBreaking: try TextRules.optionalLine(tieBreaking, "tie_breaking", max: 80) ?? TieBreaking.fileOrder.name,
            minProjectScoreThreshold: minProjectScoreThreshold, supportListSize: supportListSize ?? 0,
            allowsRevoting: allowsRevoting ?? false,
            exclusionGroups: try (exclusionGroups ?? []).map { group in
                PoolExclusionGroup(projects: try group.projects.map { try TextRules.reference($0, "exclusion_groups") }, atMost: group.atMost)
            })
    }
}
