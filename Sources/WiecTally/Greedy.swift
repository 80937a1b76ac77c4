/// The greedy family that Polish cities use: fund projects by descending score.
enum Greedy {
    enum Variant {
        /// Skip a project that does not fit and go on.
        case skip
        /// Stop at the first project that does not fit.
        case noSkip
        /// Only projects with at least this score; skip what does not fit.
        case threshold(Int64)
    }

    static func run(_ election: Election, variant: Variant, options: TallyOptions, rule: Rule) -> TallyResult {
        let scores = options.officialScores ?? election.scores()
        let order = rankedOrder(scores: scores, priorities: options.tieBreaking.priorities(in: election))
        var statuses = [ProjectStatus](repeating: .notSelected, count: election.projects.count)
        var steps: [TallyStep] = []
        steps.reserveCapacity(order.count)
        var selected: [Int] = []
        var left = election.budget
        var stopped = false
        for index in order {
            let project = election.projects[index]
            let score = scores[index]
            if project.isWithdrawn {
                statuses[index] = .withdrawn
                steps.append(.withdrawn(project: index, score: score))
            } else if case .threshold(let minimum) = variant, score < minimum {
                statuses[index] = .belowThreshold
                steps.append(.belowThreshold(project: index, score: score, threshold: minimum))
            } else if stopped {
                statuses[index] = .notReached
                steps.append(.notReached(project: index, score: score))
            } else if project.cost <= left {
                left -= project.cost
                selected.append(index)
                statuses[index] = .selected
                steps.append(.selected(project: index, score: score, cost: project.cost, budgetLeft: left))
            } else {
                statuses[index] = .skipped
                steps.append(.skipped(project: index, score: score, cost: project.cost, budgetLeft: left))
                if case .noSkip = variant { stopped = true }
            }
        }
        return TallyResult(
            rule: rule, tieBreaking: options.tieBreaking, budget: election.budget,
            selected: selected, scores: scores, statuses: statuses, steps: steps,
            ties: ties(in: order, scores: scores), spent: election.budget - left
        )
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
