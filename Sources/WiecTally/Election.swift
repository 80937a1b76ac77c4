/// How voters express themselves on a ballot, named as in pabulib's `vote_type`.
public enum VoteType: String, Sendable, Hashable, Codable, CaseIterable {
    /// Each voter approves a set of projects.
    case approval
    /// Each voter picks exactly one project.
    case chooseOne = "choose-1"
    /// Each voter spreads points over projects.
    case cumulative
    /// Each voter ranks projects in order of preference.
    case ordinal
    /// Each voter gives each project a score.
    case scoring
}

/// A project that can be funded: its id and its exact cost.
public struct Project: Sendable, Hashable {
    /// The project's id as the municipality publishes it.
    public var id: String
    /// The (reviewed) cost of the project.
    public var cost: Money
    /// Whether the project was withdrawn or excluded after the vote: it keeps its votes but
    /// no rule funds it, and it never stops a count.
    public var isWithdrawn: Bool

    public init(id: String, cost: Money, isWithdrawn: Bool = false) {
        self.id = id
        self.cost = cost
        self.isWithdrawn = isWithdrawn
    }
}

/// One voter's ballot, referring to projects by their index in ``Election/projects``.
public struct Ballot: Sendable, Hashable {
    /// Indices into the election's projects: in preference order for ordinal ballots,
    /// in the order written otherwise. No index appears twice.
    public var projects: [Int]
    /// Points given to each project (parallel to ``projects``) on cumulative and scoring ballots;
    /// empty for approval, choose-1 and ordinal ballots.
    public var points: [Int64]

    public init(projects: [Int], points: [Int64] = []) {
        self.projects = projects
        self.points = points
    }
}

/// Limits a pool puts on each ballot and on each project, named as in pabulib's META section.
public struct BallotLimits: Sendable, Hashable {
    public var minLength: Int?
    public var maxLength: Int?
    public var minSumCost: Money?
    public var maxSumCost: Money?
    public var minPoints: Int64?
    public var maxPoints: Int64?
    public var minSumPoints: Int64?
    public var maxSumPoints: Int64?

    public init(
        minLength: Int? = nil, maxLength: Int? = nil,
        minSumCost: Money? = nil, maxSumCost: Money? = nil,
        minPoints: Int64? = nil, maxPoints: Int64? = nil,
        minSumPoints: Int64? = nil, maxSumPoints: Int64? = nil
    ) {
        self.minLength = minLength
        self.maxLength = maxLength
        self.minSumCost = minSumCost
        self.maxSumCost = maxSumCost
        self.minPoints = minPoints
        self.maxPoints = maxPoints
        self.minSumPoints = minSumPoints
        self.maxSumPoints = maxSumPoints
    }
}

/// A pool's election: what a tally rule needs and nothing more.
public struct Election: Sendable, Hashable {
    /// The projects on the ballot, in the order the pool lists them.
    public var projects: [Project]
    /// The valid ballots.
    public var ballots: [Ballot]
    /// The money to spend.
    public var budget: Money
    /// How the ballots are filled in.
    public var voteType: VoteType
    /// The limits each ballot had to respect.
    public var limits: BallotLimits
    /// The least score a project needs to be funded (inclusive), whatever the rule.
    public var minProjectScoreThreshold: Int64?
    /// Groups of projects of which only some may be funded.
    public var exclusionGroups: [ExclusionGroup]

    public init(
        projects: [Project], ballots: [Ballot], budget: Money, voteType: VoteType,
        limits: BallotLimits = BallotLimits(), minProjectScoreThreshold: Int64? = nil,
        exclusionGroups: [ExclusionGroup] = []
    ) {
        self.exclusionGroups = exclusionGroups
        self.projects = projects
        self.ballots = ballots
        self.budget = budget
        self.voteType = voteType
        self.limits = limits
        self.minProjectScoreThreshold = minProjectScoreThreshold
    }
}
