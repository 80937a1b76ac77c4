/// The greedy family that Polish cities use: fund projects by descending score.
///
/// Every variant passes over projects under the election's `min_project_score_threshold`
/// (whatever the rule's name: cities apply a stated threshold with any greedy rule) and
/// projects whose exclusion group is full.
enum Greedy {
    /// What happens at a project that does not fit.
    enum Misfit {
        /// Skip it and go on.
        case skip
        /// Stop there; with a top-up, fund it first when the budget left covers the top-up's
        /// share of its cost.
        case stop(topUp: TopUp?)
    }

    static func run(_ election: Election, misfit: Misfit, threshold: Int64?, options: TallyOptions, rule: Rule) -> TallyResult {
        let scores = options.officialScores ?? election.scores()
        let order = rankedOrder(scores: scores, priorities: options.tieBreaking.priorities(in: election))
        var statuses = [ProjectStatus](repeating: .notSelected, count: election.projects.count)
        var steps: [TallyStep] = []
        steps.reserveCapacity(order.count)
        var selected: [Int] = []
        var left = election.budget
        var stopped = false
        var groups = GroupCounts(election)
        for index in order {
            let project = election.projects[index]
            let score = scores[index]
            if project.isWithdrawn {
                statuses[index] = .withdrawn
                steps.append(.withdrawn(project: index, score: score))
            } else if let threshold, score < threshold {
                statuses[index] = .belowThreshold
                steps.append(.belowThreshold(project: index, score: score, threshold: threshold))
            } else if stopped {
                statuses[index] = .notReached
                steps.append(.notReached(project: index, score: score))
            } else if let group = groups.fullGroup(of: index) {
                statuses[index] = .excluded
                steps.append(.excluded(project: index, score: score, group: group))
            } else if project.cost <= left {
                left -= project.cost
                selected.append(index)
                groups.fund(index)
                statuses[index] = .selected
                steps.append(.selected(project: index, score: score, cost: project.cost, budgetLeft: left))
            } else if case .stop(let topUp?) = misfit, topUp.covers(project.cost, with: left) {
                steps.append(.toppedUp(project: index, score: score, cost: project.cost, budgetLeft: left, topUp: topUp))
                left -= project.cost
                selected.append(index)
                groups.fund(index)
                statuses[index] = .selected
                stopped = true
            } else {
                statuses[index] = .skipped
                steps.append(.skipped(project: index, score: score, cost: project.cost, budgetLeft: left))
                if case .stop = misfit { stopped = true }
            }
        }
        var result = TallyResult(
            rule: rule, tieBreaking: options.tieBreaking, budget: election.budget,
            selected: selected, scores: scores, statuses: statuses, steps: steps,
            ties: ties(in: order, scores: scores), spent: election.budget - left
        )
        if case .stop(let topUp) = misfit { result.topUp = topUp }
        return result
    }

    /// Project indices by descending score, equal scores by ascending tie priority.
    static func rankedOrder(scores: [Int64], priorities: [Int]) -> [Int] {
        scores.indices.sorted { a, b in
            scores[a] != scores[b] ? scores[a] > scores[b] : priorities[a] < priorities[b]
        }
    }

    /// Runs of equal score in a ranked order.
    static func ties(in order: [Int], scores: [Int64]) -> [Tie] {
        var ties: [Tie] = []
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count, scores[order[end]] == scores[order[start]] { end += 1 }
            if end - start > 1 {
                ties.append(Tie(projects: Array(order[start..<end]), score: scores[order[start]]))
            }
            start = end
        }
        return ties
    }
}

/// How many projects of each exclusion group a count has funded.
private struct GroupCounts {
    private let groups: [ExclusionGroup]
    /// Per project, the groups it belongs to (empty for most).
    private let membership: [[Int]]
    private var funded: [Int]

    init(_ election: Election) {
        groups = election.exclusionGroups
        var membership = [[Int]](repeating: [], count: election.projects.count)
        for (group, members) in groups.enumerated() {
            for project in Set(members.projects) where membership.indices.contains(project) { membership[project].append(group) }
        }
        self.membership = membership
        funded = [Int](repeating: 0, count: groups.count)
    }

    /// The first group of `project` that has as many funded projects as it allows.
    func fullGroup(of project: Int) -> Int? {
        membership[project].first { funded[$0] >= groups[$0].limit }
    }

    mutating func fund(_ project: Int) {
        for group in membership[project] { funded[group] += 1 }
    }
}
