/// How the Method of Equal Shares measures a supporter's gain from a project.
public enum EqualSharesUtility: String, Sendable, Hashable, CaseIterable {
    /// A supporter's utility is the project's cost (Polish elections, equalshares.net).
    case cost
    /// Every supporter's utility is 1.
    case approval
}

/// An election prepared for the Method of Equal Shares: who supports what with which utility.
///
/// Approval and choose-1 ballots give every supporter of a project the same utility (its cost,
/// or 1); cumulative and scoring ballots give each voter their points as utilities.
struct EqualSharesInstance {
    let projectCount: Int
    let costs: [Int64]
    let voterCount: Int
    /// Projects MES may buy: not withdrawn, positive cost, some supporter with positive utility.
    let candidates: [Int]
    /// Supported projects that cost nothing: bought before the count, as pabutools does.
    let freeProjects: [Int]
    /// Tie priority of each project (lower wins).
    let priority: [Int]
    /// Sum of the utilities of each project's supporters.
    let totalUtility: [Int64]
    /// Whether all supporters of a project share one utility (approval-like ballots).
    let isUniform: Bool

    // Uniform ballots: utility per project, and each voter's candidate projects.
    let utility: [Int64]
    /// Voter `v`'s candidate projects are `ballotProjects[ballotStart[v] ..< ballotStart[v + 1]]`.
    let ballotStart: [Int32]
    let ballotProjects: [Int32]
    let supporters: [[Int32]]

    // Weighted ballots: identical ballots form one group of voters for the whole count.
    let groupSizes: [Int]
    /// Per project, the groups supporting it and each member's utility.
    let projectGroups: [[(group: Int, weight: Int64)]]

    init(_ election: Election, utility choice: EqualSharesUtility, tieBreaking: TieBreaking) throws(TallyError) {
        let projectCount = election.projects.count
        let costs = election.projects.map(\.cost.minorUnits)
        self.projectCount = projectCount
        self.costs = costs
        voterCount = election.ballots.count
        priority = tieBreaking.priorities(in: election)
        let usable = election.projects.map { !$0.isWithdrawn && $0.cost.minorUnits >= 0 }
        switch election.voteType {
        case .approval, .chooseOne:
            isUniform = true
            let utility = election.projects.map { choice == .cost ? $0.cost.minorUnits : 1 }
            self.utility = utility
            var ballotStart: [Int32] = [0]
            var ballotProjects: [Int32] = []
            ballotStart.reserveCapacity(election.ballots.count + 1)
            var supporters = [[Int32]](repeating: [], count: projectCount)
            for (voter, ballot) in election.ballots.enumerated() {
                for project in ballot.projects where usable[project] {
                    ballotProjects.append(Int32(project))
                    supporters[project].append(Int32(voter))
                }
                ballotStart.append(Int32(ballotProjects.count))
            }
            self.ballotStart = ballotStart
            self.ballotProjects = ballotProjects
            self.supporters = supporters
            self.totalUtility = try (0..<projectCount).map { project throws(TallyError) in
                let (total, overflow) = Int64(supporters[project].count).multipliedReportingOverflow(by: utility[project])
                if overflow { throw .arithmeticOverflow("the total utility of project \(election.projects[project].id)") }
                return total
            }
            groupSizes = []
            projectGroups = []
        case .cumulative, .scoring:
            isUniform = false
            utility = []
            ballotStart = []
            ballotProjects = []
            supporters = []
            var groupIndex: [Ballot: Int] = [:]
            var sizes: [Int] = []
            var groups = [[(group: Int, weight: Int64)]](repeating: [], count: projectCount)
            for ballot in election.ballots {
                if let group = groupIndex[ballot] { sizes[group] += 1; continue }
                let group = sizes.count
                groupIndex[ballot] = group
                sizes.append(1)
                for (project, points) in zip(ballot.projects, ballot.points) where usable[project] && points > 0 {
                    groups[project].append((group, points))
                }
            }
            groupSizes = sizes
            projectGroups = groups
            self.totalUtility = try (0..<projectCount).map { project throws(TallyError) in
                var total: Int64 = 0
                for (group, weight) in groups[project] {
                    let (part, o1) = weight.multipliedReportingOverflow(by: Int64(sizes[group]))
                    let (sum, o2) = total.addingReportingOverflow(part)
                    if o1 || o2 { throw .arithmeticOverflow("the total utility of project \(election.projects[project].id)") }
                    total = sum
                }
                return total
            }
        case .ordinal:
            throw .voteTypeNotSupported(rule: "equalshares", voteType: election.voteType)
        }
        let totalUtility = self.totalUtility
        let supported = (0..<projectCount).filter { usable[$0] && totalUtility[$0] > 0 }
        candidates = supported.filter { costs[$0] > 0 }
        freeProjects = supported.filter { costs[$0] == 0 }
    }
}
